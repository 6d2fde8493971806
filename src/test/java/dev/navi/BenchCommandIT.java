package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.NaviCli;
import dev.navi.cli.internal.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code navi bench --quick} against this test's NAVI and llm-sim: every section of the report is
 * there with numbers in it. How fast anything was is never asserted.
 */
@UsesAnthropicSim
class BenchCommandIT extends NaviIntegrationTest {

    @TempDir
    Path report;

    @Test
    void whenAQuickBenchRunsAgainstANaviThenItsReportHasEverySectionWithNumbers() throws Exception {
        var exit = NaviCli.run(
                "bench",
                "--quick",
                "--base-url",
                "http://127.0.0.1:" + port,
                "--llm-sim",
                TestLlmSim.SIM.baseUrl(),
                "--workspace-root",
                NaviHome.WORKSPACES_ROOT.toString(),
                "--token-file",
                NaviHome.HOME.resolve("admin.token").toString(),
                "--heartbeat-interval",
                "300ms",
                "--warmup",
                "4",
                "--tasks",
                "3",
                "--steps",
                "3",
                "--concurrency",
                "1,2",
                "--streams",
                "20",
                "--report",
                report.toString());

        assertThat(exit).isEqualTo(ExitCodes.SUCCEEDED);
        var md = Files.readString(report.resolve("bench.md"));
        assertThat(md)
                .containsPattern("## Platform time per agent step[\\s\\S]*\\| 1 \\| 6 \\| 0 \\| -?[0-9.]+ \\(")
                .containsPattern("\\| `task.started` \\| -?[0-9.]+ \\(")
                .containsPattern("## Tasks per second[\\s\\S]*\\| 2 \\| 8 \\| 0 \\| [0-9.]+ \\(")
                .containsPattern("\\| direct to llm-sim \\| [0-9.]+ \\|")
                .containsPattern(
                        "## Idle streams[\\s\\S]*\\| 20 \\| 20 \\| 0 \\| [0-9.]+ \\| [0-9.]+ / [0-9.]+ \\| [0-9.]+ → [0-9.]+ \\|")
                .contains("![latency percentiles per concurrency level](bench-latency.svg)");
        assertThat(report.resolve("bench-latency.svg"))
                .content()
                .startsWith("<svg")
                .contains("<rect");

        JsonNode json = this.json.readTree(Files.readString(report.resolve("bench.json")));
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("overhead").get(0).path("all").path("count").asInt())
                .isEqualTo(6 * 4);
        assertThat(json.path("throughput")).hasSize(2);
        assertThat(json.path("direct").path("direct").path("count").asInt()).isPositive();
        assertThat(json.path("streams").get(0).path("heartbeats").asInt()).isPositive();
        assertThat(json.path("measures").size()).isGreaterThan(10);
    }

    @Test
    void whenTheReportIsComparedWithItselfThenNothingRegressed() throws Exception {
        var first = report.resolve("first");
        var args = new String[] {
            "bench",
            "--quick",
            "--base-url",
            "http://127.0.0.1:" + port,
            "--llm-sim",
            TestLlmSim.SIM.baseUrl(),
            "--workspace-root",
            NaviHome.WORKSPACES_ROOT.toString(),
            "--token-file",
            NaviHome.HOME.resolve("admin.token").toString(),
            "--heartbeat-interval",
            "300ms",
            "--warmup",
            "1",
            "--tasks",
            "2",
            "--steps",
            "1",
            "--rounds",
            "1",
            "--concurrency",
            "1",
            "--streams",
            "2",
        };
        assertThat(NaviCli.run(concat(args, "--report", first.toString()))).isEqualTo(ExitCodes.SUCCEEDED);

        var second = report.resolve("second");
        NaviCli.run(concat(
                args,
                "--report",
                second.toString(),
                "--baseline",
                first.resolve("bench.json").toString(),
                "--regression-ratio",
                "1000000"));

        assertThat(second.resolve("bench.md")).content().contains("## Compared with the baseline", "No regressions.");
        assertThat(json.readTree(Files.readString(second.resolve("bench.json")))
                        .path("comparison")
                        .path("rows")
                        .size())
                .isPositive();
    }

    private static String[] concat(String[] args, String... more) {
        var all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
