package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ReportTest {

    @Nested
    class Markdown {

        @Test
        void whenAResultIsWrittenThenEverySectionHasItsNumbers() {
            var md = MarkdownReport.of(BenchResults.sample(2, 100), null);

            assertThat(md)
                    .contains("# NAVI benchmark", "2 cores, 8.00 GiB memory, OpenJDK 25")
                    .contains("## Settings", "| rounds | 2 |", "| wait for the JIT to settle | up to 180 s |")
                    .contains(
                            "- Warm-up: 50 tasks in 12.5 s; the JIT settled after 4 windows of 10 s (compiling 3 % of the last one's time)")
                    .contains("## Platform time per agent step", "| 1 | 20 | 0 | 2.00 (1.00–3.00) | 7.00 (6.00–8.00) |")
                    .contains(
                            "| NAVI CPU per step | of it, JIT compiler threads | PostgreSQL CPU per step |",
                            "| 2.50 | 0.75")
                    .contains("End to end: each step's span less only its tools")
                    .contains("| 1 | 4.00 (3.50–4.50) | 5.00 | 8.00 | 1.50 / 2.50 | 2.50 | 6.50 |")
                    .contains("## Submit → start", "| `task.started` | 40.0 (35.0–45.0) |")
                    .contains("## Tasks per second", "| 5 | 20 | 0 | 200 (190–210) |")
                    .contains("![latency percentiles per concurrency level](bench-latency.svg)")
                    .contains("## The same model call, direct and through NAVI", "| direct to llm-sim | 1.00 |")
                    .contains("## Idle streams", "| 200 | 199 | 1 | 150 |", "98.1")
                    .contains("## Notes", "- A note.")
                    .doesNotContain("## Compared with the baseline");
        }

        @Test
        void whenTheRampPeerAndCommitsWereMeasuredThenTheirSectionsHaveTheirNumbers() {
            var md = MarkdownReport.of(BenchResults.sample(2, 100), null);

            assertThat(md)
                    .contains("| stream ramp | 100 streams at 200 per s |", "| peer gateway | http://127.0.0.1:18787 |")
                    .contains("## Stream opening under a ramp", "| 100 | 200 | 199 | 99 | 1 | 1 | 3.50 | 9.00 | 12.0 |")
                    .contains("## NAVI and an LLM gateway (Portkey) in front of the same llm-sim")
                    .contains("| through the gateway | 3.00 |", "| added by the gateway | 2.00 | | 3.00 |")
                    .contains("(2.00 ms) / the gateway's added latency p50 (2.00 ms) = **1.00 ×**")
                    .contains("at concurrency 1 (2.50 ms) / the gateway's added latency p50 = **1.25 ×**")
                    .contains("## The commit cost of durability", "(`fsync` on)", "| on (durable) | 0.60 |")
                    .contains(
                            "| added by durability | 0.20 | | | 0.20 |",
                            "per step): 5.50; durability's cost per step: 1.10 ms");
        }

        @Test
        void whenTheJitDidNotSettleThenTheWarmUpLineSaysTheFiguresIncludeItsWork() {
            var unsettled = withWarmup(BenchResults.sample(2, 100), new BenchResult.Warmup(900, 190, 40, 0.21, false));

            assertThat(MarkdownReport.of(unsettled, null))
                    .contains("- Warm-up: 900 tasks in 190 s; the JIT did not settle within the ceiling"
                            + " (still compiling 21 % of the last window's time)");
        }

        @Test
        void whenTheWarmUpDidNotWaitOrCouldNotTellThenItsLineSaysSo() {
            var sample = BenchResults.sample(2, 100);

            assertThat(MarkdownReport.of(withWarmup(sample, BenchResult.Warmup.fixed(40, 3)), null))
                    .contains("- Warm-up: 40 tasks in 3.00 s, without waiting for the JIT to settle");
            assertThat(MarkdownReport.of(withWarmup(sample, new BenchResult.Warmup(40, 3, 1, null, false)), null))
                    .contains("the JIT's compilation time is not in /metrics, so the bench could not wait for it");
        }

        @Test
        void whenNoPeerAndNoCommitsWereMeasuredThenTheRowsSayWhy() {
            var sample = BenchResults.sample(2, 100);
            var result = new BenchResult(
                    sample.startedAt(),
                    sample.tookSeconds(),
                    sample.machine(),
                    sample.settings(),
                    sample.warmup(),
                    sample.target(),
                    sample.overhead(),
                    sample.startup(),
                    sample.throughput(),
                    sample.direct(),
                    sample.streams(),
                    null,
                    BenchResult.Peer.notMeasured("no --peer-gateway given"),
                    BenchResult.Commits.notMeasured("--commits 0"),
                    sample.notes());

            var md = MarkdownReport.of(result, null);

            assertThat(md)
                    .contains("| ratio of NAVI's platform time per step to the gateway's added latency per call | "
                            + "not measured: no --peer-gateway given |")
                    .contains("## Stream opening under a ramp\n\nNot measured")
                    .contains("## The commit cost of durability\n\nNot measured: --commits 0.");
            assertThat(Measure.of(result))
                    .extracting(Measure::key)
                    .doesNotContain("peer.ratio", "ramp.open.p50", "commits.added.mean");
        }

        @Test
        void whenTheRampPeerAndCommitsWereMeasuredThenTheyAreHeadlineMeasures() {
            assertThat(Measure.of(BenchResults.sample(2, 100)))
                    .extracting(Measure::key)
                    .contains(
                            "ramp.answered",
                            "ramp.open.p99",
                            "peer.added.p50",
                            "peer.ratio",
                            "peer.ratio.endToEnd",
                            "commits.added.mean",
                            "commits.added.step");
        }

        @Test
        void whenStepsWereMeasuredWithTheirCallsThenWhatTheyTookBeyondADirectCallIsAHeadlineMeasure() {
            var measures = Measure.of(BenchResults.sample(2, 100));

            assertThat(measures)
                    .filteredOn(measure -> measure.key().startsWith("overhead.c1.endToEnd"))
                    .extracting(Measure::key, Measure::value)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("overhead.c1.endToEnd.p50", 2.5),
                            org.assertj.core.groups.Tuple.tuple("overhead.c1.endToEnd.p99", 6.5));
        }

        @Test
        void whenNoDirectCallWasMadeThenThereIsNoEndToEndMeasure() {
            var endToEnd =
                    BenchResult.EndToEnd.of(new Summary(10, 4, 5, 6, 3, 7, 4), new Spread(4, 4, 4), Summary.EMPTY);
            var sample = BenchResults.sample(2, 100);
            var level = sample.overhead().getFirst();
            var overhead = new BenchResult.Overhead(
                    level.concurrency(),
                    level.tasks(),
                    level.steps(),
                    level.failed(),
                    level.all(),
                    level.p50(),
                    level.p95(),
                    level.p99(),
                    level.perTaskMean(),
                    level.cpu(),
                    endToEnd);

            assertThat(Measure.of(withOverhead(sample, overhead)))
                    .extracting(Measure::key)
                    .doesNotContain("overhead.c1.endToEnd.p50");
        }

        @Test
        void whenTheGatewayAddedNothingMeasurableThenThereIsNoRatio() {
            assertThat(PeerPhase.ratio(3.6, 1.3)).isCloseTo(2.77, org.assertj.core.data.Offset.offset(0.01));
            assertThat(PeerPhase.ratio(3.6, 0)).isNull();
            assertThat(PeerPhase.ratio(null, 1.3)).isNull();
        }

        @Test
        void whenABaselineIsGivenThenRegressionsAreFlagged() {
            var baseline = Measure.of(BenchResults.sample(2, 100));
            var comparison = new Comparison(
                    "2025-12-01T00:00:00Z",
                    "2 cores",
                    1.25,
                    List.of(
                            new Comparison.Row(
                                    "overhead.c1.p50",
                                    "platform time per step p50 (concurrency 1)",
                                    "ms",
                                    2,
                                    4,
                                    2.0,
                                    true),
                            new Comparison.Row(
                                    "throughput.c1.rate",
                                    "one-turn tasks per second (concurrency 1)",
                                    "tasks/s",
                                    100,
                                    110,
                                    0.91,
                                    false)));

            var md = MarkdownReport.of(BenchResults.sample(4, 110), comparison);

            assertThat(baseline).isNotEmpty();
            assertThat(md)
                    .contains("## Compared with the baseline", "**1 regression(s).**")
                    .contains(
                            "| platform time per step p50 (concurrency 1) (ms) | 2.00 | 4.00 | 2.00 | ⚠️ regression |")
                    .contains("| one-turn tasks per second (concurrency 1) (tasks/s) | 100 | 110 | 0.91 |  |");
        }

        @Test
        void whenAValueIsUnknownThenItReadsNotAvailable() {
            assertThat(MarkdownReport.n(null)).isEqualTo("n/a");
            assertThat(MarkdownReport.n(Double.NaN)).isEqualTo("n/a");
            assertThat(MarkdownReport.n(1234.4)).isEqualTo("1234");
            assertThat(MarkdownReport.n(0.123)).isEqualTo("0.12");
        }
    }

    @Nested
    class Chart {

        @Test
        void whenLevelsAreDrawnThenTheSvgHasThreeBarsPerLevelAndItsLabels() throws Exception {
            var svg = LatencyChart.svg(BenchResults.sample(2, 100).throughput());

            var document = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            var rects = document.getElementsByTagName("rect");
            var bars = 0;
            for (var i = 0; i < rects.getLength(); i++) {
                if (((Element) rects.item(i)).getElementsByTagName("title").getLength() == 1) {
                    bars++;
                }
            }
            assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(bars).isEqualTo(6);
            assertThat(svg).contains("<title>p99 250 ms</title>", ">concurrent tasks<", ">5</text>", ">p95</text>");
        }

        @Test
        void whenTheLargestValueIsGivenThenTheAxisEndsAtTheNextRoundNumber() {
            assertThat(LatencyChart.niceMax(250)).isEqualTo(500);
            assertThat(LatencyChart.niceMax(120)).isEqualTo(200);
            assertThat(LatencyChart.niceMax(9)).isEqualTo(10);
            assertThat(LatencyChart.niceMax(0)).isEqualTo(1);
        }

        @Test
        void whenThereAreNoLevelsThenTheChartIsStillAnSvg() {
            assertThat(LatencyChart.svg(List.of())).startsWith("<svg").endsWith("</svg>\n");
        }
    }

    @Nested
    class ReportDirectory {

        @Test
        void whenAReportIsWrittenThenTheMarkdownJsonAndChartAreThere() throws Exception {
            var directory = Files.createTempDirectory("bench-report");

            ReportFiles.write(directory, BenchResults.sample(2, 100), null);

            assertThat(directory.resolve("bench.md")).content().contains("## Idle streams");
            assertThat(directory.resolve("bench-latency.svg")).content().startsWith("<svg");
            assertThat(directory.resolve("bench.json"))
                    .content()
                    .contains("\"measures\"", "\"overhead.c1.p50\"", "\"heapPerStreamKb\" : 98.1", "\"cores\" : 2");
            var json = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(directory.resolve("bench.json").toFile());
            assertThat(json.get("passed").asBoolean())
                    .as("what navi readiness reads")
                    .isTrue();
            assertThat(java.time.Instant.parse(json.get("generatedAt").asString()))
                    .isNotNull();
        }
    }

    private static BenchResult withOverhead(BenchResult sample, BenchResult.Overhead overhead) {
        return new BenchResult(
                sample.startedAt(),
                sample.tookSeconds(),
                sample.machine(),
                sample.settings(),
                sample.warmup(),
                sample.target(),
                List.of(overhead),
                sample.startup(),
                sample.throughput(),
                sample.direct(),
                sample.streams(),
                sample.ramp(),
                sample.peer(),
                sample.commits(),
                sample.notes());
    }

    private static BenchResult withWarmup(BenchResult sample, BenchResult.Warmup warmup) {
        return new BenchResult(
                sample.startedAt(),
                sample.tookSeconds(),
                sample.machine(),
                sample.settings(),
                warmup,
                sample.target(),
                sample.overhead(),
                sample.startup(),
                sample.throughput(),
                sample.direct(),
                sample.streams(),
                sample.ramp(),
                sample.peer(),
                sample.commits(),
                sample.notes());
    }
}
