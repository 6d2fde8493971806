package dev.navi.events.internal;

import java.util.Optional;
import java.util.UUID;

/**
 * What one replica tells every other through PostgreSQL {@code NOTIFY} on {@link #CHANNEL}: a task's
 * event was committed, or its cancellation was. The payload is {@code <task id>:<seq>} or {@code <task
 * id>:cancel}, at most 57 bytes, far under PostgreSQL's 8000.
 */
sealed interface TaskSignal {

    String CHANNEL = "navi_tasks";
    String CANCEL = "cancel";
    int MAX_PAYLOAD_BYTES = 7999;
    int UUID_LENGTH = 36;

    UUID taskId();

    /** The event {@code seq} of the task is committed. */
    record EventCommitted(UUID taskId, long seq) implements TaskSignal {}

    /** The task was asked to stop. */
    record CancellationCommitted(UUID taskId) implements TaskSignal {}

    static String encode(TaskSignal signal) {
        return switch (signal) {
            case EventCommitted e -> e.taskId() + ":" + e.seq();
            case CancellationCommitted c -> c.taskId() + ":" + CANCEL;
        };
    }

    /** The signal of a payload, or empty for one this version does not understand (ignored, not fatal). */
    static Optional<TaskSignal> decode(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD_BYTES) {
            return Optional.empty();
        }
        int colon = payload.indexOf(':');
        if (colon != UUID_LENGTH) {
            return Optional.empty();
        }
        try {
            var taskId = UUID.fromString(payload.substring(0, colon));
            var rest = payload.substring(colon + 1);
            if (rest.equals(CANCEL)) {
                return Optional.of(new CancellationCommitted(taskId));
            }
            long seq = Long.parseLong(rest);
            return seq > 0 ? Optional.of(new EventCommitted(taskId, seq)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
