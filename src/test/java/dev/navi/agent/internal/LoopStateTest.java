package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.LlmResponse;
import dev.navi.llm.TokenUsage;
import dev.navi.tasks.TaskLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopStateTest {

    private static final TaskLimits LIMITS = new TaskLimits(10, Duration.ofMinutes(1), 1_000, new BigDecimal("1"));

    private final LoopState state = new LoopState("fix it");

    private static LlmResponse reply(long input, long output, String costUsd) {
        var usage = new TokenUsage(input, output, costUsd == null ? null : new BigDecimal(costUsd));
        return new LlmResponse("ok", List.of(), usage, "end_turn", Duration.ZERO, Duration.ZERO);
    }

    @Test
    void whenPricedRepliesAddUpThenTheCostIsTheirSum() {
        state.recordResponse(reply(10, 5, "0.25"));
        state.recordResponse(reply(10, 5, "0.5"));

        assertThat(state.usage().costKnown()).isTrue();
        assertThat(state.usage().costUsd()).isEqualByComparingTo("0.75");
    }

    @Test
    void whenOneReplyHasAnUnknownCostThenTheTaskCostIsUnknownNotZero() {
        state.recordResponse(reply(10, 5, "0.25"));
        state.recordResponse(reply(10, 5, null));

        assertThat(state.usage().costKnown()).isFalse();
        assertThat(state.usage().costUsd()).isNull();
        assertThat(state.usage().totalTokens()).isEqualTo(30);
    }

    @Test
    void whenTheCostIsUnknownThenOnlyTheTokenLimitBinds() {
        state.recordResponse(reply(10, 5, null));

        assertThat(state.budgetExhausted(LIMITS)).isFalse();
        assertThat(state.wouldCross(new TokenUsage(100, 100, null), LIMITS)).isFalse();
        assertThat(state.wouldCross(new TokenUsage(900, 100, null), LIMITS)).isTrue();
    }

    @Test
    void whenAKnownCostWouldCrossTheLimitThenTheCallIsNotMade() {
        state.recordResponse(reply(10, 5, "0.75"));

        assertThat(state.wouldCross(new TokenUsage(10, 10, new BigDecimal("0.5")), LIMITS))
                .isTrue();
        assertThat(state.wouldCross(new TokenUsage(10, 10, new BigDecimal("0.25")), LIMITS))
                .isFalse();
    }
}
