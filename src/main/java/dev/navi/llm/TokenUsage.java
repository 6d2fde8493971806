package dev.navi.llm;

import java.math.BigDecimal;

/**
 * Tokens used by one call and their price in US dollars.
 *
 * @param costUsd the price, or {@code null} when the model has no known price: an unknown cost, never 0
 */
public record TokenUsage(long inputTokens, long outputTokens, BigDecimal costUsd) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, BigDecimal.ZERO);

    public boolean costKnown() {
        return costUsd != null;
    }

    /** The sum; its cost is unknown when either cost is. */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                costKnown() && other.costKnown() ? costUsd.add(other.costUsd) : null);
    }
}
