package dev.navi.llm;

import java.math.BigDecimal;

/** Tokens used by one call and their price in US dollars (zero when the model has no price). */
public record TokenUsage(long inputTokens, long outputTokens, BigDecimal costUsd) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, BigDecimal.ZERO);

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(
                inputTokens + other.inputTokens, outputTokens + other.outputTokens, costUsd.add(other.costUsd));
    }
}
