package dev.navi.tasks;

import dev.navi.security.Caller;
import java.util.List;
import java.util.UUID;

/**
 * Deciding the tool calls tasks wait on. Scoped like {@link Tasks}: another tenant's task is a missing
 * one. Everything is in the database, so any process can decide any approval.
 */
public interface Approvals {

    /**
     * A task's approvals, oldest first.
     *
     * @throws TaskNotFoundException when there is no such task the caller may see
     */
    List<Approval> list(Caller caller, UUID taskId);

    /**
     * Decides a pending approval and puts its task back in the queue, with an {@code approval.decided}
     * event and an audit record in the same transaction. Only the task's owner or an admin may decide.
     *
     * @throws TaskNotFoundException when there is no such task the caller may see
     * @throws ApprovalNotFoundException when the task has no such approval
     * @throws ApprovalForbiddenException when the caller is neither the owner nor an admin
     * @throws ApprovalAlreadyDecidedException when it was decided (or expired) already
     */
    Approval decide(Caller caller, UUID taskId, UUID approvalId, ApprovalDecision decision, String reason);

    /**
     * Marks every pending approval past its expiry {@code expired} and requeues its task. Safe to run
     * in any number of processes at once: each approval expires once.
     *
     * @return how many expired
     */
    int expireDue();

    /** Pending approvals, all tenants (one query). */
    long pendingCount();
}
