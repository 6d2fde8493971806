package dev.navi.agent.internal;

import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmResponse;
import dev.navi.tasks.TaskLimits;
import dev.navi.tasks.TaskUsage;
import java.util.ArrayList;
import java.util.List;

/** The conversation and the consumption of one running task. Confined to the task's thread. */
final class LoopState {

    private final List<LlmMessage> messages = new ArrayList<>();
    private int iterations;
    private TaskUsage usage = TaskUsage.NONE;

    LoopState(String prompt) {
        messages.add(new LlmMessage.User(prompt));
    }

    List<LlmMessage> messages() {
        return messages;
    }

    int iterations() {
        return iterations;
    }

    TaskUsage usage() {
        return usage;
    }

    void recordResponse(LlmResponse response) {
        iterations++;
        var used = response.usage();
        usage = new TaskUsage(
                usage.inputTokens() + used.inputTokens(),
                usage.outputTokens() + used.outputTokens(),
                usage.costUsd().add(used.costUsd()),
                usage.llmCalls() + 1);
        messages.add(new LlmMessage.Assistant(response.text(), response.toolCalls()));
    }

    void recordToolResults(List<LlmMessage.ToolResult> results) {
        messages.add(new LlmMessage.ToolResults(results));
    }

    boolean budgetExhausted(TaskLimits limits) {
        return usage.totalTokens() >= limits.maxTokens() || usage.costUsd().compareTo(limits.maxCostUsd()) >= 0;
    }
}
