package dev.navi.agent.internal;

import dev.navi.llm.ToolCall;

/**
 * Thrown by a {@link ToolRound} at a call that may not run before someone approves it; the calls
 * before it in the round have their results stored. The loop then parks the task.
 *
 * @param changedFiles whether a call of the round that ran before could have changed files
 */
final class ApprovalNeeded extends RuntimeException {

    private final transient ToolCall call;
    private final int iteration;
    private final boolean changedFiles;

    ApprovalNeeded(ToolCall call, int iteration, boolean changedFiles) {
        super("Tool call " + call.id() + " needs an approval", null, false, false);
        this.call = call;
        this.iteration = iteration;
        this.changedFiles = changedFiles;
    }

    ToolCall call() {
        return call;
    }

    int iteration() {
        return iteration;
    }

    boolean changedFiles() {
        return changedFiles;
    }
}
