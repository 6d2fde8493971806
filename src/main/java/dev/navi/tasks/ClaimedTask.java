package dev.navi.tasks;

/**
 * A task a worker has claimed: it is now {@code running} under that worker's lease.
 *
 * @param attempt 1 for the first claim, one more for each later claim: after a lost or handed-back lease,
 *     or after an approval was decided
 * @param previousWorker the worker of the attempt before, null on the first attempt
 */
public record ClaimedTask(Task task, Lease lease, int attempt, String previousWorker) {

    public String workerId() {
        return lease.workerId();
    }

    /** Whether an earlier claim ran the task: its conversation is rebuilt from its events. */
    public boolean resumed() {
        return attempt > 1;
    }

    /** The tenant the task belongs to. */
    public String tenant() {
        return task.tenant();
    }

    /** The subject of the caller who submitted the task: whoever its commands are recorded as run by. */
    public String owner() {
        return task.owner();
    }
}
