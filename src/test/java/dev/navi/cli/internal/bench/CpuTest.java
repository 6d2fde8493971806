package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuTest {

    @Test
    void whenBothReadingsAreKnownThenEachPartIsPerStepMilliseconds() {
        var before = new Cpu(Duration.ofMillis(1_000), Duration.ofMillis(400), compiler(100));
        var after = new Cpu(Duration.ofMillis(3_000), Duration.ofMillis(900), compiler(600));

        assertThat(Cpu.perStep(Optional.of(before), Optional.of(after), 100))
                .isEqualTo(new BenchResult.CpuPerStep(20.0, 5.0, 5.0));
    }

    @Test
    void whenTheCompilerThreadsAreNotKnownThenOnlyTheirPartIsMissing() {
        var before = new Cpu(Duration.ofMillis(1_000), Duration.ZERO, Optional.empty());
        var after = new Cpu(Duration.ofMillis(2_000), Duration.ZERO, compiler(600));

        assertThat(Cpu.perStep(Optional.of(before), Optional.of(after), 10))
                .isEqualTo(new BenchResult.CpuPerStep(100.0, 0.0, null));
    }

    @Test
    void whenNaviIsNotTheBenchsChildOrNoStepRanThenNothingIsKnown() {
        var reading = Optional.of(new Cpu(Duration.ofMillis(1_000), Duration.ZERO, compiler(1)));

        assertThat(Cpu.perStep(Optional.empty(), Optional.empty(), 10))
                .isEqualTo(new BenchResult.CpuPerStep(null, null, null));
        assertThat(Cpu.perStep(reading, reading, 0)).isEqualTo(new BenchResult.CpuPerStep(null, null, null));
    }

    private static Optional<CompilerThreads> compiler(long millis) {
        return Optional.of(new CompilerThreads(Map.of(7L, millis * 1_000_000)));
    }
}
