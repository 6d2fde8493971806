package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.navi.cli.NaviCli;
import dev.navi.cli.internal.ExitCodes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code navi bench --quick} against this test's NAVI and llm-sim: every section of the report is
 * there with numbers in it. How fast anything was is never asserted.
 */
@UsesAnthropicSim
class BenchCommandIT extends NaviIntegrationTest {

    @TempDir
    Path report;

    @Autowired
    DataSource dataSource;

    @Test
    void whenAQuickBenchRunsAgainstANaviThenItsReportHasEverySectionWithNumbers() throws Exception {
        var exit = NaviCli.run(against(
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
                report.toString()));

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
    void whenAPeerGatewayIsGivenThenTheReportHasTheRatioTheRampAndTheCommitCost() throws Exception {
        String dataDirectory;
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            dataDirectory = rows.getString(1);
        }
        try (var gateway = GatewayStandIn.start()) {
            var exit = NaviCli.run(against(
                    "--max-duration",
                    "10m",
                    "--warmup",
                    "1",
                    "--tasks",
                    "2",
                    "--steps",
                    "2",
                    "--rounds",
                    "1",
                    "--concurrency",
                    "1",
                    "--streams",
                    "2",
                    "--peer-gateway",
                    gateway.url(),
                    "--stream-ramp",
                    "30",
                    "--stream-ramp-rate",
                    "100",
                    "--commits",
                    "20",
                    "--embedded-data-directory",
                    dataDirectory,
                    "--report",
                    report.toString()));

            assertThat(exit).isEqualTo(ExitCodes.SUCCEEDED);
            assertThat(gateway.forwarded()).as("calls through the stand-in").isGreaterThanOrEqualTo(40);
        }
        var md = Files.readString(report.resolve("bench.md"));
        assertThat(md)
                .containsPattern("\\| through the gateway \\| [0-9.]+ \\|")
                .containsPattern("added latency p50 \\(-?[0-9.]+ ms\\) = \\*\\*(n/a|[0-9.]+ ×)\\*\\*")
                .containsPattern(
                        "## Stream opening under a ramp[\\s\\S]*\\| 30 \\| 100 \\| [0-9.]+ \\| 30 \\| 0 \\| 0 \\| [0-9.]+ \\|")
                .containsPattern("\\| on \\(durable\\) \\| [0-9.]+ \\|")
                .containsPattern("Durable commits per step [^:]*: [0-9.]+;");
        JsonNode json = this.json.readTree(Files.readString(report.resolve("bench.json")));
        assertThat(json.path("peer").path("throughGateway").path("count").asInt())
                .isEqualTo(20);
        assertThat(json.path("ramp").path("answered").asInt()).isEqualTo(30);
        assertThat(json.path("commits").path("durable").path("count").asInt()).isEqualTo(20);
        assertThat(json.path("commits").path("commitsPerStep").asDouble()).isPositive();
    }

    @Test
    void whenNoPeerGatewayIsGivenThenItsRowSaysNotMeasuredAndWhy() throws Exception {
        var exit = NaviCli.run(against(
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
                "--stream-ramp",
                "0",
                "--report",
                report.toString()));

        assertThat(exit).isEqualTo(ExitCodes.SUCCEEDED);
        assertThat(report.resolve("bench.md"))
                .content()
                .contains("| ratio of NAVI's platform time per step to the gateway's added latency per call | "
                        + "not measured: no --peer-gateway given")
                .contains("## The commit cost of durability\n\nNot measured: the embedded database's data directory");
    }

    @Test
    void whenTheReportIsComparedWithItselfThenNothingRegressed() throws Exception {
        var first = report.resolve("first");
        var args = against(
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
                "2");
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

    /**
     * The test's own stand-in for an external gateway: it forwards each call to the host named by
     * {@code x-portkey-custom-host}, as Portkey's gateway does for a custom Anthropic host.
     */
    private record GatewayStandIn(HttpServer server, AtomicInteger calls) implements AutoCloseable {

        static GatewayStandIn start() throws IOException {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var calls = new AtomicInteger();
            var client = HttpClient.newHttpClient();
            server.createContext("/v1/", exchange -> {
                try (exchange) {
                    var host = exchange.getRequestHeaders().getFirst("x-portkey-custom-host");
                    var path = exchange.getRequestURI().getPath().substring("/v1".length());
                    var forward = HttpRequest.newBuilder(URI.create(host + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    exchange.getRequestBody().readAllBytes()))
                            .build();
                    var answer = client.send(forward, HttpResponse.BodyHandlers.ofByteArray());
                    calls.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new GatewayStandIn(server, calls);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int forwarded() {
            return calls.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A quick bench against this test's NAVI and llm-sim, with {@code options}. */
    private String[] against(String... options) {
        var target = new String[] {
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
            "300ms"
        };
        return concat(target, options);
    }

    private static String[] concat(String[] args, String... more) {
        var all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
