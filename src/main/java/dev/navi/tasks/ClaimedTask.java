package dev.navi.tasks;

/** A task a worker has claimed: it is now {@code running} under that worker's lease. */
public record ClaimedTask(Task task, String workerId) {

    /** The tenant the task belongs to. */
    public String tenant() {
        return task.tenant();
    }

    /** The subject of the caller who submitted the task: whoever its commands are recorded as run by. */
    public String owner() {
        return task.owner();
    }
}
