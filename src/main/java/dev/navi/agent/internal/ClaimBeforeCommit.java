package dev.navi.agent.internal;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Claims in the transaction that queues a task (a submission, or a decided approval), just before it
 * commits: when the worker has room, the queue's next task (the queued one, unless older ones wait) is
 * claimed, a new task's {@code task.started} stored with its submission, so the task starts at that
 * commit instead of waiting for a claim transaction of its own. The claim is the worker's usual one:
 * the same order, quotas and lock.
 */
final class ClaimBeforeCommit implements TransactionSynchronization {

    private final TaskWorker worker;
    private final UUID queued;
    private TaskWorker.Reserved reserved;

    ClaimBeforeCommit(TaskWorker worker, UUID queued) {
        this.worker = worker;
        this.queued = queued;
    }

    /** Before the transaction's events are stored, so that {@code task.started} is stored with them. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        worker.claimIfRoom(claimed -> reserved = claimed);
    }

    /** First of the transaction's after-commit work: the loop starts before the rest of it runs. */
    @Override
    public void afterCommit() {
        startOnce();
    }

    @Override
    public void afterCompletion(int status) {
        if (status != STATUS_COMMITTED) {
            if (reserved != null) {
                worker.unreserve(reserved);
            }
            return;
        }
        startOnce(); // in case other after-commit work failed before this one's turn
        if (reserved == null || !reserved.claimed().task().id().equals(queued)) {
            worker.wake(); // the queued task still waits: the worker claims again when it has room
        }
    }

    private void startOnce() {
        if (reserved != null && !reserved.running().control().hasStarted()) {
            worker.start(reserved.claimed(), reserved.running());
        }
    }
}
