package dev.navi.cli.internal.bench;

import dev.navi.cli.internal.Connection;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code navi bench}: what the platform costs per step, per task and per idle stream, measured. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures NAVI's platform overhead per agent step, submit → start, tasks per second, idle streams, stream",
            "opening under a ramp, one model call direct vs through NAVI (and through --peer-gateway), and the commit",
            "cost of durability; writes bench.md, bench.json and a chart (docs/benchmark.md).",
            "Without --base-url it starts its own NAVI and llm-sim from this jar on loopback and stops them after.",
            "Exit 1 when a measured task failed or a measure regressed past --regression-ratio against --baseline."
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "a running NAVI (needs --llm-sim and --workspace-root)")
    String baseUrl;

    @Option(names = "--llm-sim", paramLabel = "URL", description = "the llm-sim that NAVI's provider points at")
    URI llmSim;

    @Option(
            names = "--workspace-root",
            paramLabel = "DIR",
            description = "NAVI's workspaces root (the bench writes <DIR>/default/navi-bench)")
    Path workspaceRoot;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "read the bearer token here (default: NAVI_TOKEN, else $NAVI_HOME/admin.token)")
    Path tokenFile;

    @Option(names = "--metrics-url", paramLabel = "URL", description = "NAVI's /metrics (default: <base-url>/metrics)")
    URI metricsUrl;

    @Option(names = "--quick", description = "a short run for CI: few tasks, concurrency 1,5, 200 streams")
    boolean quick;

    @Option(names = "--rounds", paramLabel = "N", description = "measured rounds per measure (default 3, quick 2)")
    Integer rounds;

    @Option(names = "--warmup", paramLabel = "N", description = "one-turn warm-up tasks (default 1500, quick 30)")
    Integer warmup;

    @Option(
            names = "--settle",
            paramLabel = "DURATION",
            description = "after the warm-up tasks, wait up to this long for the JIT to stop compiling"
                    + " (default 3m, quick 0s: no wait)")
    String settle;

    @Option(names = "--tasks", paramLabel = "N", description = "tasks per round and level (default 50, quick 10)")
    Integer tasks;

    @Option(
            names = "--steps",
            paramLabel = "N",
            description = "read_file steps per overhead task (default 20, quick 5)")
    Integer steps;

    @Option(
            names = "--concurrency",
            paramLabel = "N,N",
            split = ",",
            description = "levels (default 1,10,50, quick 1,5)")
    List<Integer> concurrency;

    @Option(
            names = "--streams",
            paramLabel = "K,K",
            split = ",",
            description = "idle stream counts (default 1000,5000,10000, quick 200)")
    List<Integer> streams;

    @Option(
            names = "--heartbeat-interval",
            paramLabel = "DURATION",
            description = "NAVI's heartbeat interval, e.g. 10s or 300ms (self-started: 2s, quick 1s; else 10s)")
    String heartbeatInterval;

    @Option(
            names = "--max-duration",
            paramLabel = "DURATION",
            description = "ceiling for the measurements; what is left is skipped (default 30m, quick 60s)")
    String maxDuration;

    @Option(
            names = "--stream-ramp",
            paramLabel = "N",
            description =
                    "streams opened at --stream-ramp-rate, timed connect → first byte (default 5000, quick 100; 0: none)")
    Integer streamRamp;

    @Option(
            names = "--stream-ramp-rate",
            paramLabel = "R",
            description = "new stream connections per second of the ramp (default 2000, quick 200)")
    Integer streamRampRate;

    @Option(
            names = "--commits",
            paramLabel = "N",
            description =
                    "event transactions per durability mode on the embedded database (default 2000, quick 100; 0: none)")
    Integer commits;

    @Option(
            names = "--embedded-data-directory",
            paramLabel = "DIR",
            description =
                    "with --base-url: its embedded PostgreSQL's data directory ($NAVI_HOME/pgdata), for --commits")
    Path embeddedDataDirectory;

    @Option(
            names = "--peer-gateway",
            paramLabel = "URL",
            description = "a running Portkey gateway, to compare its added latency per call (scripts/bench-peer.sh)")
    URI peerGateway;

    @Option(names = "--baseline", paramLabel = "FILE", description = "a previous bench.json to compare with")
    Path baseline;

    @Option(
            names = "--regression-ratio",
            paramLabel = "X",
            defaultValue = "1.25",
            description = "× worse than the baseline that is a regression (default ${DEFAULT-VALUE})")
    double regressionRatio;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = "bench-report",
            description = "where the report goes (default ${DEFAULT-VALUE})")
    Path report;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var progress = new Progress(new PrintStream(System.err, true));
        if (baseline != null && !Files.isReadable(baseline)) {
            throw new UsageException("--baseline " + baseline + " cannot be read");
        }
        var settings = settings(baseUrl == null);
        BenchResult result;
        if (baseUrl == null) {
            try (var started = SelfStarted.start(settings, progress)) {
                result = new BenchRun(started.target(), settings, progress).run();
            }
        } else {
            result = new BenchRun(given(progress), settings, progress).run();
        }
        var comparison = baseline == null ? null : ReportFiles.compare(baseline, result, regressionRatio);
        var markdown = ReportFiles.write(report, result, comparison);
        out.println("bench: report in " + markdown + " (and " + ReportFiles.JSON + ", " + MarkdownReport.CHART + ")");
        out.flush();
        return ReportFiles.passed(result, comparison) ? ExitCodes.SUCCEEDED : ExitCodes.FAILED;
    }

    Settings settings(boolean selfStarted) {
        var heartbeat =
                Durations.parse("--heartbeat-interval", heartbeatInterval, selfStarted ? (quick ? "1s" : "2s") : "10s");
        var settings = new Settings(
                quick,
                positive("--rounds", rounds, quick ? 2 : 3),
                positive("--warmup", warmup, quick ? 30 : 1500),
                Durations.parseAtLeastZero("--settle", settle, quick ? "0s" : "3m"),
                positive("--tasks", tasks, quick ? 10 : 50),
                positive("--steps", steps, quick ? 5 : 20),
                levels("--concurrency", concurrency, quick ? List.of(1, 5) : List.of(1, 10, 50)),
                levels("--streams", streams, quick ? List.of(200) : List.of(1000, 5000, 10000)),
                heartbeat,
                heartbeat.multipliedBy(5).dividedBy(2),
                Durations.parse("--max-duration", maxDuration, quick ? "60s" : "30m"),
                regressionRatio,
                atLeastZero("--stream-ramp", streamRamp, quick ? 100 : 5000),
                positive("--stream-ramp-rate", streamRampRate, quick ? 200 : 2000),
                atLeastZero("--commits", commits, quick ? 100 : 2000),
                gateway(peerGateway));
        if (settings.steps() > 190) {
            throw new UsageException("--steps must be at most 190 (a task may make 200 model calls)");
        }
        return settings;
    }

    private Target given(Progress progress) throws IOException {
        if (llmSim == null || workspaceRoot == null) {
            throw new UsageException("--base-url needs --llm-sim URL and --workspace-root DIR");
        }
        var resolved = Connection.resolve(baseUrl, System.getenv());
        var connection = tokenFile == null
                ? resolved
                : new Connection(
                        resolved.baseUrl(),
                        Optional.of(Files.readString(tokenFile).strip()),
                        tokenFile.toString());
        var token = connection
                .token()
                .orElseThrow(() -> new UsageException("no token: set NAVI_TOKEN or give --token-file"));
        return new Target(
                "NAVI at " + connection.baseUrl() + ", llm-sim at " + llmSim,
                new NaviClient(connection, Duration.ofSeconds(60), progress.stream()),
                llmSim,
                metricsUrl != null ? metricsUrl : URI.create(connection.baseUrl() + "/metrics"),
                token,
                workspaceRoot,
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(embeddedDataDirectory));
    }

    private static int positive(String option, Integer value, int fallback) {
        var chosen = value == null ? fallback : value;
        if (chosen < 1) {
            throw new UsageException(option + " must be at least 1");
        }
        return chosen;
    }

    private static int atLeastZero(String option, Integer value, int fallback) {
        var chosen = value == null ? fallback : value;
        if (chosen < 0) {
            throw new UsageException(option + " must be at least 0");
        }
        return chosen;
    }

    private static URI gateway(URI url) {
        if (url != null && !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new UsageException("--peer-gateway must be an http or https URL, not " + url);
        }
        return url;
    }

    private static List<Integer> levels(String option, List<Integer> values, List<Integer> fallback) {
        var chosen = values == null || values.isEmpty() ? fallback : List.copyOf(values);
        if (chosen.stream().anyMatch(value -> value < 1 || value > 20_000)) {
            throw new UsageException(option + " values must be between 1 and 20000");
        }
        return chosen;
    }
}
