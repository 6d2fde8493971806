package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Client-side limits, with waits recorded instead of slept so a one-minute window can be tested at once. */
class ProviderRateLimiterTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recordingSleeper = waits::add;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private ProviderRateLimiter limiter(int requestsPerMinute, int tokensPerMinute, Duration ceiling) {
        return new ProviderRateLimiter(
                "anthropic",
                new LlmProperties.RateLimit(requestsPerMinute, tokensPerMinute),
                ceiling,
                recordingSleeper,
                new LlmMetrics(registry, new ModelLabels(java.util.List.of())));
    }

    @Nested
    class Requests {

        @Test
        void whenWithinTheLimitThenNoWait() throws InterruptedException {
            var limiter = limiter(2, 0, Duration.ofMinutes(2));

            limiter.acquire(100);
            limiter.acquire(100);

            assertThat(waits).isEmpty();
        }

        @Test
        void whenTheLimitIsReachedThenTheNextCallWaitsForTheNextWindow() throws InterruptedException {
            var limiter = limiter(2, 0, Duration.ofMinutes(2));
            limiter.acquire(100);
            limiter.acquire(100);

            limiter.acquire(100);

            assertThat(waits)
                    .singleElement()
                    .satisfies(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
            assertThat(registry.get("navi.llm.ratelimiter.wait").timer().count())
                    .isEqualTo(3);
        }

        @Test
        void whenTheWaitWouldExceedTheCeilingThenRateLimitedAtOnce() throws InterruptedException {
            var limiter = limiter(1, 0, Duration.ofSeconds(1));
            limiter.acquire(100);

            assertThatThrownBy(() -> limiter.acquire(100))
                    .isInstanceOfSatisfying(
                            LlmException.class, e -> assertThat(e.errorClass()).isEqualTo(LlmErrorClass.RATE_LIMITED))
                    .hasMessageContaining("navi.llm.rate-limit");
            assertThat(waits).isEmpty();
        }
    }

    @Nested
    class Tokens {

        @Test
        void whenWorstCaseTokensExceedWhatIsLeftThenTheCallWaits() throws InterruptedException {
            var limiter = limiter(0, 1000, Duration.ofMinutes(2));
            limiter.acquire(800);

            limiter.acquire(800);

            assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isPositive());
        }

        @Test
        void whenLimitsAreOffThenNothingWaits() throws InterruptedException {
            var limiter = limiter(0, 0, Duration.ofSeconds(1));

            for (int i = 0; i < 100; i++) {
                limiter.acquire(1_000_000);
            }

            assertThat(waits).isEmpty();
        }
    }
}
