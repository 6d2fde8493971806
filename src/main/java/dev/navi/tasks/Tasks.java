package dev.navi.tasks;

import dev.navi.security.Caller;
import java.util.Optional;
import java.util.UUID;

/**
 * Submitting, reading and cancelling tasks on behalf of a caller. Every query is scoped to the caller's
 * tenant in SQL; an admin sees every tenant. Another tenant's task is indistinguishable from a missing
 * one.
 */
public interface Tasks {

    /**
     * Validates and stores a task as {@code queued} together with its {@code task.queued} event. The
     * task belongs to the caller's tenant; its owner is the caller's subject.
     *
     * @throws InvalidTaskException for a bad prompt or limit
     * @throws QuotaExceededException when the tenant already has its most queued tasks
     * @throws dev.navi.workspace.WorkspaceException for an unusable workspace
     */
    Task submit(Caller caller, NewTask request);

    Optional<Task> find(Caller caller, UUID id);

    /**
     * Tasks newest first.
     *
     * @param tenant for an admin: only this tenant's tasks, or every tenant's when null; ignored for
     *     anyone else (they see their own tenant only)
     * @param status only tasks in this status, or all when null
     * @param cursor the {@code nextCursor} of the previous page, or null for the first
     * @param limit page size, or null for the configured default
     * @throws InvalidTaskException for a malformed cursor or limit
     */
    TaskPage list(Caller caller, String tenant, TaskStatus status, String cursor, Integer limit);

    /**
     * Cancels a queued task at once, or asks the worker of a running one to stop. Cancelling a
     * cancelled task again is a no-op.
     *
     * @throws TaskNotFoundException when there is no such task the caller may see
     * @throws TaskAlreadyFinishedException when it succeeded or failed
     */
    Task cancel(Caller caller, UUID id);

    /** The diff stored when the task ended; empty while it runs or when the caller may not see it. */
    Optional<String> storedDiff(Caller caller, UUID id);

    /**
     * The diff as of the task's latest workspace checkpoint at or before event {@code seq}: empty text
     * when there is none.
     *
     * @return empty when that checkpoint was removed after {@code navi.workspace.retention}
     * @throws TaskNotFoundException when there is no such task the caller may see
     */
    Optional<String> checkpointDiff(Caller caller, UUID id, long seq);

    /** How many tasks are queued and running now, all tenants (one query). */
    QueueDepth queueDepth();
}
