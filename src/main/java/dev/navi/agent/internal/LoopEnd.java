package dev.navi.agent.internal;

import dev.navi.tasks.TaskOutcome;

/** How a loop ended: with the task's outcome, or without finishing the task. */
sealed interface LoopEnd {

    record Finished(TaskOutcome outcome) implements LoopEnd {}

    /** The worker is stopping: the task is to be handed back to the queue. */
    record HandedBack() implements LoopEnd {}

    /** A tool call waits for a decision: the task was parked and its lease released. */
    record AwaitingApproval() implements LoopEnd {}

    /** Another claim took the task over: nothing more is written for it. */
    record LeaseLost() implements LoopEnd {}
}
