package dev.navi.events;

import java.util.UUID;

/**
 * A write for a task was refused because the writer no longer holds the task's lease: another claim
 * took it over (its epoch moved on) or the task left {@code running}. Nothing of the write landed; the
 * writer must stop writing for the task at once.
 */
public final class LeaseLostException extends RuntimeException {

    private final UUID taskId;
    private final long leaseEpoch;

    public LeaseLostException(UUID taskId, long leaseEpoch, String write) {
        super("Lease " + leaseEpoch + " of task " + taskId + " is lost: " + write + " refused");
        this.taskId = taskId;
        this.leaseEpoch = leaseEpoch;
    }

    public UUID taskId() {
        return taskId;
    }

    public long leaseEpoch() {
        return leaseEpoch;
    }
}
