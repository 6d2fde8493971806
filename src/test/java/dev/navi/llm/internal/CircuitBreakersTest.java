package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBreakersTest {

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ModelLabels labels = new ModelLabels(List.of("known-model"));
    private final CircuitBreakers breakers = new CircuitBreakers(
            new LlmProperties.CircuitBreaker(50, 2, 2, Duration.ofSeconds(30), 1),
            clock,
            new LlmMetrics(registry, labels),
            labels);

    @Test
    void whenAThousandModelNamesAreUsedThenTheBreakersStayBounded() {
        for (int i = 0; i < 1_000; i++) {
            breakers.of("anthropic", "model-" + i);
        }

        assertThat(breakers.size()).isLessThanOrEqualTo(CircuitBreakers.MAX_OTHER_MODELS);
        assertThat(registry.find("navi.llm.circuit.state").gauges()).isEmpty();
    }

    @Test
    void whenAKnownModelIsUsedThenItsBreakerIsKeptAndGauged() {
        Breaker breaker = breakers.of("anthropic", "known-model");
        for (int i = 0; i < 1_000; i++) {
            breakers.of("anthropic", "model-" + i);
        }

        assertThat(breakers.of("anthropic", "known-model")).isSameAs(breaker);
        assertThat(registry.find("navi.llm.circuit.state").gauges()).hasSize(3);
    }

    @Test
    void whenRateLimitsFailAttemptsThenTheCircuitStaysClosed() {
        Breaker breaker = breakers.of("anthropic", "known-model");

        for (int i = 0; i < 5; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onError(1, new LlmException(LlmErrorClass.RATE_LIMITED, 429, "slow down", null, null));
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void whenOpenedThenTheWaitUntilTheProbeShrinksWithTime() {
        Breaker breaker = breakers.of("anthropic", "known-model");
        for (int i = 0; i < 2; i++) {
            breaker.tryAcquirePermission();
            breaker.onError(1, new LlmException(LlmErrorClass.SERVER_ERROR, 500, "down", null, null));
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.untilProbe()).isEqualTo(Duration.ofMillis(30_001));
        clock.advance(Duration.ofSeconds(20));
        assertThat(breaker.untilProbe()).isEqualTo(Duration.ofMillis(10_001));
        assertThat(breaker.tryAcquirePermission()).isFalse();
        clock.advance(breaker.untilProbe());
        assertThat(breaker.tryAcquirePermission()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }
}
