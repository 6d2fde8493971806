package dev.navi.tasks.internal;

import dev.navi.events.TaskEvent;
import dev.navi.tasks.TaskUsage;

final class TaskTotalsMapper {

    private TaskTotalsMapper() {}

    static TaskEvent.TaskTotals totals(int iterations, TaskUsage usage) {
        return new TaskEvent.TaskTotals(
                iterations,
                usage.inputTokens(),
                usage.outputTokens(),
                usage.costUsd(),
                usage.costKnown(),
                usage.llmCalls());
    }
}
