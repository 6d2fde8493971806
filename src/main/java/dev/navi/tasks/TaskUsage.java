package dev.navi.tasks;

import java.math.BigDecimal;

/**
 * What a task has consumed so far.
 *
 * @param costUsd the spend in US dollars, or {@code null} when unknown: a model call went to a model
 *     without a known price
 */
public record TaskUsage(long inputTokens, long outputTokens, BigDecimal costUsd, int llmCalls) {

    public static final TaskUsage NONE = new TaskUsage(0, 0, BigDecimal.ZERO, 0);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public boolean costKnown() {
        return costUsd != null;
    }
}
