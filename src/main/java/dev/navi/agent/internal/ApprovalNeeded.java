package dev.navi.agent.internal;

import dev.navi.llm.ToolCall;

/**
 * Thrown by a {@link ToolRound} at a call that may not run before someone approves it; the calls
 * before it in the round have their results stored (and their changes checkpointed). The loop then
 * parks the task.
 */
final class ApprovalNeeded extends RuntimeException {

    private final transient ToolCall call;
    private final int iteration;

    ApprovalNeeded(ToolCall call, int iteration) {
        super("Tool call " + call.id() + " needs an approval", null, false, false);
        this.call = call;
        this.iteration = iteration;
    }

    ToolCall call() {
        return call;
    }

    int iteration() {
        return iteration;
    }
}
