package dev.navi.tasks;

import java.util.Optional;
import java.util.UUID;

/** Submitting, reading and cancelling tasks. */
public interface Tasks {

    /**
     * Validates and stores a task as {@code queued} together with its {@code task.queued} event.
     *
     * @throws InvalidTaskException for a bad prompt or limit
     * @throws dev.navi.workspace.WorkspaceException for an unusable workspace
     */
    Task submit(NewTask request);

    Optional<Task> find(UUID id);

    /**
     * Tasks newest first.
     *
     * @param status only tasks in this status, or all when null
     * @param cursor the {@code nextCursor} of the previous page, or null for the first
     * @param limit page size, or null for the configured default
     * @throws InvalidTaskException for a malformed cursor or limit
     */
    TaskPage list(TaskStatus status, String cursor, Integer limit);

    /**
     * Cancels a queued task at once, or asks the worker of a running one to stop. Cancelling a
     * cancelled task again is a no-op.
     *
     * @throws TaskNotFoundException when there is no such task
     * @throws TaskAlreadyFinishedException when it succeeded or failed
     */
    Task cancel(UUID id);

    /** The diff stored when the task ended; empty while it runs. */
    Optional<String> storedDiff(UUID id);

    /** How many tasks are queued and running now (one query). */
    QueueDepth queueDepth();
}
