package dev.navi.agent.internal;

import dev.navi.llm.TokenUsage;
import dev.navi.tasks.TaskError;
import dev.navi.tasks.TaskLimits;
import dev.navi.tasks.TaskUsage;

/** The messages of a task stopped by its token or cost limit. */
final class BudgetErrors {

    private BudgetErrors() {}

    static TaskError spent(TaskUsage usage, TaskLimits limits) {
        return new TaskError(
                "budget_exhausted",
                "Used " + usage.totalTokens() + " of " + limits.maxTokens() + " tokens and " + usd(usage.costUsd())
                        + " of $" + limits.maxCostUsd());
    }

    private static String usd(java.math.BigDecimal cost) {
        return cost == null ? "an unknown cost" : "$" + cost;
    }

    static TaskError wouldCross(TokenUsage worstCase, TaskUsage usage, TaskLimits limits) {
        return new TaskError(
                "budget_exhausted",
                "The next model call was not made: it could use up to " + worstCase.inputTokens() + " input and "
                        + worstCase.outputTokens() + " output tokens (" + usd(worstCase.costUsd()) + "), and "
                        + usage.totalTokens() + " tokens and " + usd(usage.costUsd()) + " of the limits of "
                        + limits.maxTokens() + " tokens and $" + limits.maxCostUsd() + " are used");
    }
}
