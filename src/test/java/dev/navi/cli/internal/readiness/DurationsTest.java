package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.cli.internal.UsageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void whenAUnitIsGivenThenTheDurationFollowsIt() {
        assertThat(Durations.parse("--x", "300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(Durations.parse("--x", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("--x", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("--x", "7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void whenTheValueIsNoDurationThenItIsAUsageError() {
        assertThatThrownBy(() -> Durations.parse("--max-evidence-age", "a week"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-evidence-age");
    }
}
