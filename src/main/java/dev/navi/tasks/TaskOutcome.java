package dev.navi.tasks;

/**
 * How a task's loop ended. {@code error} is null for {@code completed} and {@code cancelled};
 * {@code diff} is the workspace diff at the end (may be empty).
 */
public record TaskOutcome(
        StopReason stopReason, String summary, TaskError error, int iterations, TaskUsage usage, String diff) {}
