package dev.navi.llm.internal;

import dev.navi.llm.TokenUsage;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prices token usage per model: the shipped table, overridden model by model by {@code navi.llm.prices}.
 * A model without a price has an unknown cost ({@code null}), never 0.
 */
final class PriceTable {

    private final Map<String, LlmProperties.Price> prices;

    PriceTable(Map<String, LlmProperties.Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The shipped prices with the configured ones on top. */
    static PriceTable shippedWith(Map<String, LlmProperties.Price> configured) {
        Map<String, LlmProperties.Price> merged =
                new HashMap<>(ShippedPrices.load().prices());
        merged.putAll(configured);
        return new PriceTable(merged);
    }

    boolean knows(String model) {
        return model != null && prices.containsKey(model);
    }

    Set<String> models() {
        return prices.keySet();
    }

    TokenUsage usage(String model, long inputTokens, long outputTokens) {
        LlmProperties.Price price = model == null ? null : prices.get(model);
        if (price == null) {
            return new TokenUsage(inputTokens, outputTokens, null);
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
