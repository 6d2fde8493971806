package dev.navi.tools.internal;

import dev.navi.tools.ToolSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code list_files}: the tree below a directory, directories marked with a trailing slash. */
final class ListFilesTool implements Tool {

    static final int MAX_DEPTH = 10;
    private static final int DEFAULT_DEPTH = 2;

    private final int maxEntries;

    ListFilesTool(ToolsProperties properties) {
        this.maxEntries = properties.maxListEntries();
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(
                "list_files",
                "List the files and directories below a directory of the workspace, depth-first in name order. "
                        + "Paths are relative to the workspace root; directories end with '/'. "
                        + ".git directories are skipped. At most " + maxEntries + " entries are returned.",
                ParametersSchema.object()
                        .optionalString("path", "Directory relative to the workspace root. Default: '.'.")
                        .optionalInteger(
                                "depth",
                                "How many levels to descend (1 = direct children only). Default: " + DEFAULT_DEPTH
                                        + ".",
                                1,
                                MAX_DEPTH)
                        .json());
    }

    @Override
    public ToolResult run(WorkspacePaths workspace, Arguments arguments) throws IOException {
        String path = arguments.string("path", ".");
        int depth = arguments.integer("depth", DEFAULT_DEPTH);
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new ToolException("Field 'depth' must be between 1 and " + MAX_DEPTH + ", but was " + depth + ".");
        }
        Path directory = workspace.existing(path);
        if (!Files.isDirectory(directory)) {
            throw new ToolException("'" + path + "' is a file, not a directory; use read_file to read it.");
        }
        List<String> entries = new ArrayList<>();
        boolean complete = WorkspaceTree.walk(directory, depth, (entry, attributes) -> {
            if (entries.size() == maxEntries) {
                return false;
            }
            entries.add(workspace.relative(entry) + (attributes.isDirectory() ? "/" : ""));
            return true;
        });
        return ToolResult.succeeded(format(path, entries, complete));
    }

    private String format(String path, List<String> entries, boolean complete) {
        if (entries.isEmpty()) {
            return "'" + path + "' is empty.";
        }
        String listing = String.join("\n", entries);
        return complete
                ? listing
                : listing + "\n[truncated after " + maxEntries
                        + " entries; list a subdirectory or use a smaller depth to see the rest]";
    }
}
