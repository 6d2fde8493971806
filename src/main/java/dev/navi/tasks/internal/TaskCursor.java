package dev.navi.tasks.internal;

import dev.navi.tasks.InvalidTaskException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** An opaque position in the newest-first task list: the last item's creation time and id. */
record TaskCursor(Instant createdAt, UUID id) {

    String encode() {
        var raw = createdAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TaskCursor decode(String cursor) {
        try {
            var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var parts = raw.split("\\|", 2);
            return new TaskCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidTaskException("cursor", "cursor is not one this server returned");
        }
    }
}
