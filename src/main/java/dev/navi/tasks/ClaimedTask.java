package dev.navi.tasks;

/** A task a worker has claimed: it is now {@code running} under that worker's lease. */
public record ClaimedTask(Task task, String workerId) {}
