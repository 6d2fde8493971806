package dev.navi.tasks;

/** A change that only applies to a task still queued or running. */
public class TaskAlreadyFinishedException extends RuntimeException {

    public TaskAlreadyFinishedException(Task task) {
        super("Task " + task.id() + " already ended as " + task.status().wireName());
    }
}
