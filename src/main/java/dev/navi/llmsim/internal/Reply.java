package dev.navi.llmsim.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A turn made concrete for one request, ready to be rendered in a vendor's format.
 *
 * @param id the message / completion id
 * @param includeUsage OpenAI: end the stream with a usage chunk
 * @param chunkChars size of the pieces text and arguments are streamed in
 */
record Reply(
        String id,
        String model,
        String text,
        List<ToolCall> toolCalls,
        TokenCounts usage,
        boolean includeUsage,
        int chunkChars) {

    /** A tool call with its vendor-style id; {@code raw} arguments may not be valid JSON. */
    record ToolCall(String id, String name, String arguments, boolean raw) {}

    Reply {
        toolCalls = List.copyOf(toolCalls);
    }

    boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /** Splits text into pieces of {@link #chunkChars} code points. */
    List<String> chunks(String value) {
        int[] codePoints = value.codePoints().toArray();
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start < codePoints.length; start += chunkChars) {
            int length = Math.min(chunkChars, codePoints.length - start);
            pieces.add(new String(codePoints, start, length));
        }
        return pieces;
    }
}
