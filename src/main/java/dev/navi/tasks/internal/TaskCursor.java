package dev.navi.tasks.internal;

import dev.navi.tasks.InvalidTaskException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** An opaque position in the newest-first task list: the last item's creation time and id. */
record TaskCursor(Instant createdAt, UUID id) {

    /** PostgreSQL's {@code timestamptz} spans 4713 BC to 294276 AD; no task is older than 1970 or newer than 9999. */
    private static final Instant EARLIEST = Instant.EPOCH;

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    String encode() {
        var raw = createdAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TaskCursor decode(String cursor) {
        try {
            var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var parts = raw.split("\\|", 2);
            var createdAt = Instant.parse(parts[0]);
            if (createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
                throw new IllegalArgumentException("outside the range a task can have been created in");
            }
            return new TaskCursor(createdAt, UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidTaskException("cursor", "cursor is not one this server returned");
        }
    }
}
