package dev.navi.llm.internal;

import dev.navi.llm.TokenUsage;
import java.math.BigDecimal;
import java.util.Map;

/** Prices token usage with the configured per-model prices; an unknown model costs 0. */
final class PriceTable {

    private final Map<String, LlmProperties.Price> prices;

    PriceTable(Map<String, LlmProperties.Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    TokenUsage usage(String model, long inputTokens, long outputTokens) {
        LlmProperties.Price price = prices.get(model);
        if (price == null) {
            return new TokenUsage(inputTokens, outputTokens, BigDecimal.ZERO);
        }
        BigDecimal cost = perMillion(inputTokens, price.inputUsdPerMillionTokens())
                .add(perMillion(outputTokens, price.outputUsdPerMillionTokens()));
        return new TokenUsage(inputTokens, outputTokens, cost);
    }

    private static BigDecimal perMillion(long tokens, BigDecimal usdPerMillion) {
        return usdPerMillion
                .multiply(BigDecimal.valueOf(tokens))
                .movePointLeft(6)
                .stripTrailingZeros();
    }
}
