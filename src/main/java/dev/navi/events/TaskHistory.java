package dev.navi.events;

import java.util.List;
import java.util.UUID;

/** A task's stored events, read back as the records they were published as (redacted as stored). */
public interface TaskHistory {

    /** Every stored event of the task, oldest first. */
    List<Recorded> of(UUID taskId);

    /** The seq of the task's last stored event; 0 before its first. */
    long lastSeq(UUID taskId);

    /** An event with the sequence number it was stored under. */
    record Recorded(long seq, TaskEvent event) {}
}
