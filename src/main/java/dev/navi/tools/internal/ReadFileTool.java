package dev.navi.tools.internal;

import dev.navi.tools.ToolSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code read_file}: a window of a text file's lines, numbered. */
final class ReadFileTool implements Tool {

    private static final int MAX_LINE_CHARS = 2000;

    private final int maxLines;

    ReadFileTool(ToolsProperties properties) {
        this.maxLines = properties.maxReadLines();
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(
                "read_file",
                "Read a text file of the workspace. Returns its lines prefixed with their 1-based line numbers "
                        + "and a tab, after a header giving the total line count and whether more lines follow. "
                        + "Read a large file in windows with offset and limit. Binary files are refused.",
                ParametersSchema.object()
                        .requiredString("path", "File path relative to the workspace root.")
                        .optionalInteger("offset", "First line to return, 1-based. Default: 1.", 1, Integer.MAX_VALUE)
                        .optionalInteger(
                                "limit", "Most lines to return. Default and maximum: " + maxLines + ".", 1, maxLines)
                        .json());
    }

    @Override
    public ToolResult run(WorkspacePaths workspace, Arguments arguments) throws IOException {
        String path = arguments.requiredString("path");
        int offset = arguments.integer("offset", 1);
        int limit = Math.min(arguments.integer("limit", maxLines), maxLines);
        if (offset < 1) {
            throw new ToolException("Field 'offset' must be 1 or more (lines are numbered from 1).");
        }
        if (limit < 1) {
            throw new ToolException("Field 'limit' must be 1 or more.");
        }
        Path file = workspace.existingFile(path);
        TextFiles.requireText(file, path);
        return ToolResult.succeeded(window(file, path, offset, limit));
    }

    private static String window(Path file, String path, int offset, int limit) throws IOException {
        StringBuilder lines = new StringBuilder();
        int total = 0;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                total++;
                if (total >= offset && total < offset + limit) {
                    lines.append(String.format("%6d\t%s%n", total, abbreviate(line)));
                }
            }
        }
        if (total == 0) {
            return path + ": empty file (0 lines)";
        }
        if (offset > total) {
            throw new ToolException(
                    "Field 'offset' is " + offset + " but '" + path + "' has only " + total + " lines.");
        }
        int last = Math.min(total, offset + limit - 1);
        String more = last < total ? "; truncated, continue with offset=" + (last + 1) : "; end of file";
        return path + ": lines " + offset + "-" + last + " of " + total + more + "\n" + lines;
    }

    private static String abbreviate(String line) {
        return line.length() <= MAX_LINE_CHARS
                ? line
                : line.substring(0, MAX_LINE_CHARS) + " [line cut at " + MAX_LINE_CHARS + " characters]";
    }
}
