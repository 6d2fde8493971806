package dev.navi.tasks;

import dev.navi.events.LeaseLostException;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workers' side of tasks: claim with a lease, report progress, finish or hand back. Every call is a
 * single statement or transaction on the database, so any number of workers in any number of processes
 * can share one queue. Every write for a claimed task is fenced by its {@link Lease}: it lands only
 * while the task is running under that lease's epoch, else it throws {@link LeaseLostException} and
 * nothing changed.
 */
public interface TaskQueue {

    /**
     * A task by id, whatever its tenant: for the system's own bookkeeping (workers, metrics), never to
     * answer a request (that is {@link Tasks#find}).
     */
    Optional<Task> find(UUID taskId);

    /**
     * Claims the oldest queued task of a tenant below its running quota, marks it running under a new
     * lease epoch and, on its first attempt, publishes {@code task.started}. Tasks of tenants with their
     * most tasks running wait, behind them the others go first.
     */
    Optional<ClaimedTask> claimNext(String workerId, Duration lease);

    /**
     * Records the iterations and usage so far, and extends the lease.
     *
     * @throws LeaseLostException when the lease is no longer held
     */
    void recordProgress(Lease lease, int iterations, TaskUsage usage, Duration extension);

    /**
     * Ends a running task: stores the outcome and publishes its terminal event in one transaction.
     *
     * @throws LeaseLostException when the lease is no longer held
     */
    void finish(Lease lease, TaskOutcome outcome);

    /**
     * Gives a running task back to the queue (its worker is stopping): the lease is released and the
     * task is {@code queued} again for any worker to resume, unless it has been recovered {@code
     * maxRecoveries} times already: then it fails as {@code worker_lost}.
     *
     * @throws LeaseLostException when the lease is no longer held
     */
    void handBack(Lease lease, int maxRecoveries);

    /**
     * Parks a running task until someone decides on one of its tool calls: stores the pending approval
     * and its {@code approval.requested} event, and releases the lease; the task is {@code
     * waiting_approval}, held by no worker, until a decision or the expiry puts it back in the queue.
     *
     * @throws LeaseLostException when the lease is no longer held
     */
    void awaitApproval(Lease lease, ApprovalRequest request);

    /**
     * Extends these leases.
     *
     * @return the ids of the tasks whose lease was extended: the others' leases are lost
     */
    Set<UUID> renewLeases(Collection<Lease> leases, Duration extension);

    /** Of these tasks, the ones whose cancellation was requested (by any process). */
    Set<UUID> cancellationRequested(Collection<UUID> taskIds);

    /**
     * Puts running tasks whose lease expired (their worker died) back in the queue, to be resumed by any
     * worker; one recovered {@code maxRecoveries} times already fails as {@code worker_lost} instead.
     *
     * @return how many were requeued or failed
     */
    int recoverAbandoned(int maxRecoveries);
}
