package dev.navi.tools.internal;

import dev.navi.tools.ToolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code write_file}: creates or replaces a file with the given text. */
final class WriteFileTool implements Tool {

    private final long maxFileBytes;

    WriteFileTool(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public boolean changesFiles() {
        return true;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(
                "write_file",
                "Create a file of the workspace, or replace its whole content, with the given UTF-8 text. "
                        + "Missing parent directories are created. To change part of an existing file, "
                        + "prefer edit_file.",
                ParametersSchema.object()
                        .requiredString("path", "File path relative to the workspace root.")
                        .requiredString("content", "The complete new content of the file.")
                        .json());
    }

    @Override
    public ToolResult run(WorkspacePaths workspace, Arguments arguments) throws IOException {
        String path = arguments.requiredString("path");
        String content = arguments.requiredString("content");
        Path file = workspace.resolve(path);
        if (Files.isDirectory(file)) {
            throw new ToolException("'" + path + "' is a directory; give the path of a file.");
        }
        boolean existed = Files.exists(file);
        Files.createDirectories(file.getParent());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        FileSizeLimit.require(bytes.length, maxFileBytes, path);
        Files.write(file, bytes);
        return ToolResult.succeeded((existed ? "Replaced " : "Created ") + workspace.relative(file) + " ("
                + bytes.length + " bytes written).");
    }
}
