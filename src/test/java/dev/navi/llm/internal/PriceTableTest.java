package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.TokenUsage;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final PriceTable table = new PriceTable(
            Map.of("claude-sonnet-4-5", new LlmProperties.Price(new BigDecimal("3"), new BigDecimal("15"))));

    @Test
    void whenModelHasAPriceThenCostIsTokensTimesPricePerMillion() {
        TokenUsage usage = table.usage("claude-sonnet-4-5", 1_000, 2_000);

        assertThat(usage.inputTokens()).isEqualTo(1_000);
        assertThat(usage.outputTokens()).isEqualTo(2_000);
        assertThat(usage.costUsd()).isEqualByComparingTo("0.033");
    }

    @Test
    void whenModelIsUnknownThenCostIsZero() {
        assertThat(table.usage("other", 1_000_000, 1_000_000).costUsd()).isEqualByComparingTo("0");
    }

    @Test
    void whenTokensAreFewThenCostIsExact() {
        assertThat(table.usage("claude-sonnet-4-5", 1, 1).costUsd()).isEqualByComparingTo("0.000018");
    }
}
