package dev.navi.agent.internal;

import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmResponse;
import dev.navi.llm.TokenUsage;
import dev.navi.tasks.TaskLimits;
import dev.navi.tasks.TaskUsage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversation and the consumption of one running task. Confined to the task's thread. Once a call's
 * cost is unknown (its model has no price), the task's cost is unknown and only its token limit binds.
 */
final class LoopState {

    private final List<LlmMessage> messages = new ArrayList<>();
    private int iterations;
    private TaskUsage usage = TaskUsage.NONE;

    LoopState(String prompt) {
        messages.add(new LlmMessage.User(prompt));
    }

    /** Goes on from an earlier attempt: its conversation, its replies and all it consumed. */
    LoopState(List<LlmMessage> conversation, int iterations, TaskUsage usage) {
        messages.addAll(conversation);
        this.iterations = iterations;
        this.usage = usage;
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

    /** One HTTP attempt at a model call was sent; retries count too. */
    void recordAttempt() {
        usage = new TaskUsage(usage.inputTokens(), usage.outputTokens(), usage.costUsd(), usage.llmCalls() + 1);
    }

    void recordResponse(LlmResponse response) {
        iterations++;
        var used = response.usage();
        usage = new TaskUsage(
                usage.inputTokens() + used.inputTokens(),
                usage.outputTokens() + used.outputTokens(),
                sum(usage.costUsd(), used.costUsd()),
                usage.llmCalls());
        messages.add(new LlmMessage.Assistant(response.text(), response.toolCalls()));
    }

    void recordToolResults(List<LlmMessage.ToolResult> results) {
        messages.add(new LlmMessage.ToolResults(results));
    }

    /** Whether a call consuming {@code worstCase} could take the task past its token or (known) cost limit. */
    boolean wouldCross(TokenUsage worstCase, TaskLimits limits) {
        long tokens = usage.totalTokens() + worstCase.inputTokens() + worstCase.outputTokens();
        var cost = sum(usage.costUsd(), worstCase.costUsd());
        return tokens > limits.maxTokens() || (cost != null && cost.compareTo(limits.maxCostUsd()) > 0);
    }

    boolean budgetExhausted(TaskLimits limits) {
        return usage.totalTokens() >= limits.maxTokens()
                || (usage.costKnown() && usage.costUsd().compareTo(limits.maxCostUsd()) >= 0);
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }
}
