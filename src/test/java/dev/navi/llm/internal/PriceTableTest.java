package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.TokenUsage;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Nested;
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
    void whenModelIsUnknownThenCostIsUnknownNotZero() {
        TokenUsage usage = table.usage("other", 1_000_000, 1_000_000);

        assertThat(usage.costKnown()).isFalse();
        assertThat(usage.costUsd()).isNull();
        assertThat(usage.inputTokens()).isEqualTo(1_000_000);
    }

    @Test
    void whenAnUnknownCostIsAddedThenTheSumIsUnknown() {
        TokenUsage known = table.usage("claude-sonnet-4-5", 1, 1);

        assertThat(known.plus(table.usage("other", 1, 1)).costKnown()).isFalse();
        assertThat(known.plus(known).costUsd()).isEqualByComparingTo("0.000036");
    }

    @Test
    void whenTokensAreFewThenCostIsExact() {
        assertThat(table.usage("claude-sonnet-4-5", 1, 1).costUsd()).isEqualByComparingTo("0.000018");
    }

    @Nested
    class Shipped {

        private final PriceTable shipped = PriceTable.shippedWith(Map.of());

        @Test
        void whenLoadedThenItNamesTheDateOfItsPrices() {
            assertThat(ShippedPrices.load().asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
        }

        @Test
        void whenWellKnownModelsArePricedThenTheirPerMillionRatesAreTheVendors() {
            assertThat(shipped.usage("claude-sonnet-4-5", 1_000_000, 1_000_000).costUsd())
                    .isEqualByComparingTo("18");
            assertThat(shipped.usage("claude-opus-4-1", 1_000_000, 1_000_000).costUsd())
                    .isEqualByComparingTo("90");
            assertThat(shipped.usage("claude-haiku-4-5", 1_000_000, 1_000_000).costUsd())
                    .isEqualByComparingTo("6");
            assertThat(shipped.usage("gpt-4o-mini", 1_000_000, 1_000_000).costUsd())
                    .isEqualByComparingTo("0.75");
            assertThat(shipped.usage("gpt-4.1", 1_000_000, 1_000_000).costUsd()).isEqualByComparingTo("10");
            assertThat(shipped.usage("gpt-5", 1_000_000, 1_000_000).costUsd()).isEqualByComparingTo("11.25");
        }

        @Test
        void whenTheDefaultModelsAreLookedUpThenTheyHavePrices() {
            assertThat(shipped.knows("claude-sonnet-4-5")).isTrue();
            assertThat(shipped.knows("gpt-4.1")).isTrue();
        }

        @Test
        void whenAModelIsConfiguredThenItsPriceReplacesTheShippedOne() {
            var configured =
                    PriceTable.shippedWith(Map.of("gpt-4o", new LlmProperties.Price(BigDecimal.ONE, BigDecimal.ONE)));

            assertThat(configured.usage("gpt-4o", 1_000_000, 1_000_000).costUsd())
                    .isEqualByComparingTo("2");
            assertThat(configured.knows("gpt-4.1")).isTrue();
        }

        @Test
        void whenARowIsMalformedThenLoadingFailsNamingIt() {
            assertThatThrownBy(() -> ShippedPrices.parse("# prices as of 2026-03-21\nmodel,input,output\ngpt-x,1\n"))
                    .hasMessageContaining("gpt-x,1");
        }

        @Test
        void whenTheDateLineIsMissingThenLoadingFails() {
            assertThatThrownBy(() -> ShippedPrices.parse("model,input,output\ngpt-x,1,2\n"))
                    .hasMessageContaining("prices as of");
        }
    }
}
