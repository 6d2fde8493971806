package dev.navi.tasks;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workers' side of tasks: claim with a lease, report progress, finish. Every call is a single
 * statement or transaction on the database, so any number of workers in any number of processes can
 * share one queue.
 */
public interface TaskQueue {

    /**
     * A task by id, whatever its tenant: for the system's own bookkeeping (workers, metrics), never to
     * answer a request (that is {@link Tasks#find}).
     */
    Optional<Task> find(UUID taskId);

    /**
     * Claims the oldest queued task of a tenant below its running quota, marks it running and publishes
     * {@code task.started}. Tasks of tenants with their most tasks running wait, behind them the others
     * go first.
     */
    Optional<ClaimedTask> claimNext(String workerId, Duration lease);

    /** Records the iterations and usage so far, and extends the lease. */
    void recordProgress(UUID taskId, int iterations, TaskUsage usage, Duration lease);

    /** Ends a running task: stores the outcome and publishes its terminal event in one transaction. */
    void finish(UUID taskId, TaskOutcome outcome);

    /** Extends the leases of these running tasks of one worker. */
    void renewLeases(String workerId, Collection<UUID> taskIds, Duration lease);

    /** Of these tasks, the ones whose cancellation was requested (by any process). */
    Set<UUID> cancellationRequested(Collection<UUID> taskIds);

    /**
     * Fails running tasks whose lease expired (their worker died) with {@code internal_error}.
     *
     * @return how many were failed
     */
    int failAbandoned();
}
