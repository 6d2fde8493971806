package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(
            new LlmProperties.Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 20),
            new SplittableRandom(1));

    @Test
    void whenAttemptsFollowEachOtherThenTheCapDoublesUpToTheMaximum() {
        assertThat(backoff.cap(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.cap(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.cap(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.cap(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.cap(200)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void whenJitteredThenWaitsSpreadBetweenZeroAndTheCap() {
        var waits = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> backoff.jittered(3))
                .toList();

        assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(4)));
        assertThat(waits).anySatisfy(wait -> assertThat(wait).isLessThan(Duration.ofSeconds(1)));
        assertThat(waits).anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(3)));
    }

    @Test
    void whenTheProviderAsksForAWaitThenThatWaitIsUsed() {
        var failure = new LlmException(LlmErrorClass.RATE_LIMITED, 429, "slow down", Duration.ofSeconds(12), null);

        assertThat(backoff.after(1, failure)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void whenTheProviderAsksForMoreThanTheCeilingThenRateLimitedAtOnce() {
        var failure = new LlmException(LlmErrorClass.OVERLOADED, 529, "busy", Duration.ofMinutes(61), null);

        assertThatThrownBy(() -> backoff.after(1, failure)).isInstanceOfSatisfying(LlmException.class, refused -> {
            assertThat(refused.errorClass()).isEqualTo(LlmErrorClass.RATE_LIMITED);
            assertThat(refused.getMessage()).contains("3660 s", "60 s", "busy");
        });
    }
}
