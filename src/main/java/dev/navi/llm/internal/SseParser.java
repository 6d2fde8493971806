package dev.navi.llm.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * Reads server-sent events line by line: {@code event:} and {@code data:} fields accumulate until a
 * blank line dispatches them. Comments, {@code id:} and {@code retry:} are ignored; an event cut off by
 * the end of the stream is discarded, as the SSE specification requires.
 */
final class SseParser {

    private static final String DEFAULT_EVENT = "message";

    private final BufferedReader reader;

    SseParser(Reader reader) {
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    }

    /** The next complete event, or empty at the end of the stream. */
    Optional<SseEvent> next() throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new SseEvent(event == null ? DEFAULT_EVENT : event, data.toString()));
                }
                event = null;
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : valueAfter(line, colon);
            switch (field) {
                case "event" -> event = value;
                case "data" ->
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                default -> {
                    // comments (empty field name), id, retry and unknown fields carry nothing we use
                }
            }
        }
        return Optional.empty();
    }

    private static String valueAfter(String line, int colon) {
        int start = colon + 1;
        if (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        return line.substring(start);
    }
}
