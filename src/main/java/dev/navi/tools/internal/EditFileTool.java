package dev.navi.tools.internal;

import dev.navi.tools.ToolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code edit_file}: replaces exactly one occurrence of a text in a file. */
final class EditFileTool implements Tool {

    private final long maxFileBytes;

    EditFileTool(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public boolean changesFiles() {
        return true;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(
                "edit_file",
                "Replace one exact occurrence of old_text with new_text in a text file of the workspace. "
                        + "old_text must match the file exactly (whitespace and indentation included) and exactly "
                        + "once; add surrounding lines to make it unique. The call fails, changing nothing, when "
                        + "old_text matches zero or several times.",
                ParametersSchema.object()
                        .requiredString("path", "File path relative to the workspace root.")
                        .requiredString("old_text", "The exact text to replace; must occur exactly once.")
                        .requiredString("new_text", "The text to put in its place (may be empty to delete).")
                        .json());
    }

    @Override
    public ToolResult run(WorkspacePaths workspace, Arguments arguments) throws IOException {
        String path = arguments.requiredString("path");
        String oldText = arguments.requiredString("old_text");
        String newText = arguments.requiredString("new_text");
        if (oldText.isEmpty()) {
            throw new ToolException("Field 'old_text' is empty; use write_file to create or overwrite a whole file.");
        }
        Path file = workspace.existingFile(path);
        TextFiles.requireText(file, path);
        String content = TextFiles.readStrict(file, path);
        int first = content.indexOf(oldText);
        if (first < 0) {
            throw new ToolException("old_text was not found in '" + path + "'; nothing changed. Read the file again "
                    + "and copy the exact text, including whitespace and indentation.");
        }
        int matches = countMatches(content, oldText);
        if (matches > 1) {
            throw new ToolException("old_text matches " + matches + " times in '" + path + "'; nothing changed. "
                    + "Include more surrounding lines so that it matches exactly once.");
        }
        String edited = content.substring(0, first) + newText + content.substring(first + oldText.length());
        byte[] bytes = edited.getBytes(StandardCharsets.UTF_8);
        FileSizeLimit.require(bytes.length, maxFileBytes, path);
        Files.write(file, bytes);
        return ToolResult.succeeded("Replaced 1 occurrence in " + path + " at line " + lineOf(content, first) + ".");
    }

    private static int countMatches(String content, String text) {
        int count = 0;
        for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    private static int lineOf(String content, int index) {
        return (int) content.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
