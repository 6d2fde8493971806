package dev.navi.tasks;

import java.math.BigDecimal;

/** What a task has consumed so far. */
public record TaskUsage(long inputTokens, long outputTokens, BigDecimal costUsd, int llmCalls) {

    public static final TaskUsage NONE = new TaskUsage(0, 0, BigDecimal.ZERO, 0);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
