package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.cli.internal.UsageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void whenAValueHasAUnitThenItIsThatDuration() {
        assertThat(Durations.parse("--x", "300ms", "1s")).isEqualTo(Duration.ofMillis(300));
        assertThat(Durations.parse("--x", "10s", "1s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("--x", "2m", "1s")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void whenNoValueThenTheFallbackIsUsed() {
        assertThat(Durations.parse("--x", null, "1s")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void whenAValueIsNotADurationThenItIsAUsageError() {
        assertThatThrownBy(() -> Durations.parse("--hold", "ten", "1s"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--hold");
        assertThatThrownBy(() -> Durations.parse("--hold", "0s", "1s")).isInstanceOf(UsageException.class);
    }

    @Test
    void whenZeroIsAllowedThenItParsesAndOtherValuesStillDo() {
        assertThat(Durations.parseAtLeastZero("--settle", "0s", "3m")).isZero();
        assertThat(Durations.parseAtLeastZero("--settle", null, "3m")).isEqualTo(Duration.ofMinutes(3));
        assertThatThrownBy(() -> Durations.parseAtLeastZero("--settle", "-1s", "3m"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--settle");
    }
}
