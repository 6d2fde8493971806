package dev.navi.llmsim.internal;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A failure served instead of a turn's reply. */
sealed interface Fault {

    /** {@link #times()} value meaning "on every attempt". */
    int FOREVER = -1;

    /** How many attempts in a row this fault is served for, or {@link #FOREVER}. */
    int times();

    /** Short description for the requests log. */
    String describe();

    /**
     * An HTTP error response.
     *
     * @param body the body to send verbatim; empty means the vendor's own error JSON for the status
     * @param errorType overrides the vendor error type, e.g. {@code overloaded_error}, {@code insufficient_quota}
     * @param code overrides the OpenAI error code
     */
    record Status(
            int status,
            Map<String, String> headers,
            Optional<JsonNode> body,
            Optional<String> errorType,
            Optional<String> code,
            Optional<String> message,
            int times)
            implements Fault {

        public Status {
            headers = Map.copyOf(headers);
        }

        @Override
        public String describe() {
            return "status " + status
                    + errorType.or(() -> code).map(type -> " " + type).orElse("");
        }
    }

    /** Sends the first {@code afterChunks} stream chunks (or part of a JSON body), then drops the connection. */
    record Cut(int afterChunks, int times) implements Fault {

        @Override
        public String describe() {
            return "cut after " + afterChunks + " chunks";
        }
    }

    /** Accepts the request, sends nothing for {@code millis}, then drops the connection. */
    record Hang(long millis, int times) implements Fault {

        @Override
        public String describe() {
            return "hang " + millis + " ms";
        }
    }

    /** Sends the first {@code afterChunks} stream chunks, then a vendor error event, then ends the stream. */
    record StreamError(int afterChunks, Optional<String> errorType, Optional<String> message, int times)
            implements Fault {

        @Override
        public String describe() {
            return "stream error after " + afterChunks + " chunks"
                    + errorType.map(t -> " " + t).orElse("");
        }
    }
}
