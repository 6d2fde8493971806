package dev.navi.tasks;

import dev.navi.events.EventFence;
import java.time.Instant;
import java.util.UUID;

/**
 * A worker's hold on a running task. {@code epoch} increments on every claim of the task: each write
 * the worker makes for it names the epoch in the same statement, so once another claim took the task
 * over, not one write of the earlier holder lands.
 */
public record Lease(UUID taskId, String workerId, long epoch, Instant expiresAt) {

    /** The condition the holder's events are stored under. */
    public EventFence fence() {
        return new EventFence(taskId, epoch);
    }
}
