package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait for an open circuit to let a probe through. */
class ProbeWaitTest {

    @Test
    void whenTheCircuitHalfOpensLaterThenTheWaitIsUntilThen() {
        assertThat(RetryingCaller.probeWait(Duration.ofSeconds(3), () -> Duration.ofMillis(7)))
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void whenTheCircuitIsHalfOpenWithItsProbesTakenThenTheBackoffIsWaited() {
        assertThat(RetryingCaller.probeWait(Duration.ZERO, () -> Duration.ofMillis(7)))
                .isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void whenTheCircuitHalfOpensInUnderAMillisecondThenOneMillisecondIsWaited() {
        assertThat(RetryingCaller.probeWait(Duration.ofNanos(400_000), () -> Duration.ofMillis(7)))
                .isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void whenTheJitterDrawsZeroThenOneMillisecondIsWaited() {
        assertThat(RetryingCaller.probeWait(Duration.ZERO, () -> Duration.ZERO)).isEqualTo(Duration.ofMillis(1));
    }
}
