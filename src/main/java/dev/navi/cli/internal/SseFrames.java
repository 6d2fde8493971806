package dev.navi.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Reads SSE frames as they come, each passed on whole ({@code id}, {@code event}, {@code data}), with
 * nothing dropped: duplicates and gaps are for the caller to see ({@code validate} records them,
 * {@link EventStream} skips them).
 */
public final class SseFrames {

    /** One frame; a comment or a {@code retry:} line alone makes none. */
    public record Frame(Long id, String type, String data) {
        public boolean isHeartbeat() {
            return "heartbeat".equals(type);
        }

        boolean isEmpty() {
            return type == null && data.isEmpty();
        }
    }

    private SseFrames() {}

    /** Reads frames until the stream ends or {@code handler} answers false; true when it asked to stop. */
    public static boolean read(BufferedReader reader, Predicate<Frame> handler) throws IOException {
        Long id = null;
        String type = null;
        var data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                var frame = new Frame(id, type, data.toString());
                if (!frame.isEmpty() && !handler.test(frame)) {
                    return true;
                }
                id = null;
                type = null;
                data.setLength(0);
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            var colon = line.indexOf(':');
            var field = colon < 0 ? line : line.substring(0, colon);
            var value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "id" -> id = parseId(value);
                case "event" -> type = value;
                case "data" -> {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(value);
                }
                default -> {
                    // retry: and unknown fields carry nothing here
                }
            }
        }
        return false;
    }

    private static Long parseId(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
