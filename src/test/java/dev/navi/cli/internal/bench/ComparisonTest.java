package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.internal.NaviClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ComparisonTest {

    @Test
    void whenALowerIsBetterMeasureGrewPastTheRatioThenItIsARegression() {
        var comparison = Comparison.of(
                baseline(new Measure("a", "a", "ms", 2, Measure.Better.LOWER)),
                List.of(new Measure("a", "a", "ms", 3, Measure.Better.LOWER)),
                1.25);

        assertThat(comparison.rows()).singleElement().satisfies(row -> {
            assertThat(row.worseBy()).isEqualTo(1.5);
            assertThat(row.regression()).isTrue();
        });
        assertThat(comparison.regressions()).hasSize(1);
    }

    @Test
    void whenAHigherIsBetterMeasureFellPastTheRatioThenItIsARegression() {
        var comparison = Comparison.of(
                baseline(new Measure("rate", "rate", "tasks/s", 100, Measure.Better.HIGHER)),
                List.of(new Measure("rate", "rate", "tasks/s", 50, Measure.Better.HIGHER)),
                1.25);

        assertThat(comparison.rows().getFirst().worseBy()).isEqualTo(2);
        assertThat(comparison.regressions()).hasSize(1);
    }

    @Test
    void whenAMeasureMovedWithinTheRatioOrImprovedThenItIsNoRegression() {
        var comparison = Comparison.of(
                baseline(
                        new Measure("a", "a", "ms", 10, Measure.Better.LOWER),
                        new Measure("b", "b", "ms", 10, Measure.Better.LOWER)),
                List.of(
                        new Measure("a", "a", "ms", 12, Measure.Better.LOWER),
                        new Measure("b", "b", "ms", 2, Measure.Better.LOWER)),
                1.25);

        assertThat(comparison.rows()).hasSize(2);
        assertThat(comparison.regressions()).isEmpty();
        assertThat(comparison.rows().get(1).worseBy()).isEqualTo(0.2);
    }

    @Test
    void whenOnlyOneRunHasAMeasureThenItIsNotCompared() {
        var comparison = Comparison.of(
                baseline(new Measure("old", "old", "ms", 1, Measure.Better.LOWER)),
                List.of(new Measure("new", "new", "ms", 100, Measure.Better.LOWER)),
                1.25);

        assertThat(comparison.rows()).isEmpty();
    }

    @Test
    void whenAValueIsZeroOrNegativeThenThereIsNoRatio() {
        var comparison = Comparison.of(
                baseline(new Measure("added", "added", "ms", -0.5, Measure.Better.LOWER)),
                List.of(new Measure("added", "added", "ms", 3, Measure.Better.LOWER)),
                1.25);

        assertThat(comparison.rows().getFirst().worseBy()).isNull();
        assertThat(comparison.regressions()).isEmpty();
    }

    @Test
    void whenTheBaselineIsAWrittenReportThenItsMeasuresAreRead() throws Exception {
        var directory = java.nio.file.Files.createTempDirectory("bench-baseline");
        ReportFiles.write(directory, BenchResults.sample(2, 100), null);

        var comparison = ReportFiles.compare(directory.resolve(ReportFiles.JSON), BenchResults.sample(4, 50), 1.25);

        assertThat(comparison.baselineStartedAt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(comparison.regressions())
                .extracting(Comparison.Row::key)
                .contains("overhead.c1.p50", "throughput.c1.rate", "throughput.c5.rate")
                .doesNotContain("throughput.c1.p50");
    }

    private static JsonNode baseline(Measure... measures) {
        var root = NaviClient.json().createObjectNode();
        root.put("startedAt", "2026-01-01T00:00:00Z");
        root.set("measures", NaviClient.json().valueToTree(List.of(measures)));
        return root;
    }
}
