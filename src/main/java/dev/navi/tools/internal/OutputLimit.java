package dev.navi.tools.internal;

import java.nio.charset.StandardCharsets;

/** Caps text sent to the model at a number of UTF-8 bytes, saying what was cut. */
final class OutputLimit {

    private static final int NOTE_RESERVE = 120;

    private OutputLimit() {}

    static String cap(String text, int maxBytes) {
        int total = text.getBytes(StandardCharsets.UTF_8).length;
        if (total <= maxBytes) {
            return text;
        }
        int keptChars = charsFitting(text, Math.max(0, maxBytes - NOTE_RESERVE));
        int keptBytes = text.substring(0, keptChars).getBytes(StandardCharsets.UTF_8).length;
        return text.substring(0, keptChars) + "\n[output truncated: showing the first " + keptBytes + " of " + total
                + " bytes]";
    }

    private static int charsFitting(String text, int budget) {
        int bytes = 0;
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            int length = utf8Length(codePoint);
            if (bytes + length > budget) {
                break;
            }
            bytes += length;
            index += Character.charCount(codePoint);
        }
        return index;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
