package dev.navi.workspace.internal;

import java.util.List;

/**
 * The lines that say what a diff leaves out. They come before the first file, as {@code #} lines,
 * where {@code git apply} ignores them.
 */
final class DiffNotes {

    private DiffNotes() {}

    static String tooLarge(String path, long size, long maxFileSize) {
        return path + ": " + size + " bytes, over navi.workspace.max-diff-file-size (" + maxFileSize + " bytes)";
    }

    static String overBudget(String path, long maxBytes) {
        return path + ": the diff would be larger than navi.workspace.max-diff-bytes (" + maxBytes + " bytes)";
    }

    static String vanished(String path) {
        return path + ": changed while the diff was computed";
    }

    static String header(List<String> notes) {
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("# NAVI: not in this diff:\n");
        notes.forEach(
                note -> text.append("#   ").append(note.replace('\n', ' ')).append('\n'));
        return text.toString();
    }
}
