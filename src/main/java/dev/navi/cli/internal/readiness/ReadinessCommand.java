package dev.navi.cli.internal.readiness;

import dev.navi.cli.internal.Connection;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code navi readiness}: the production-readiness review of a deployment, generated from checks that ran. */
@Command(
        name = "readiness",
        mixinStandardHelpOptions = true,
        description = {
            "Reviews a deployed NAVI and its operations kit and writes readiness.md and readiness.json.",
            "Exit 0 when no check failed (❌), 1 otherwise; see docs/readiness.md."
        })
public final class ReadinessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--management-url", paramLabel = "URL", description = "probes and /metrics (default: --base-url)")
    String managementUrl;

    @Option(names = "--prometheus", paramLabel = "URL", description = "the Prometheus scraping NAVI")
    String prometheusUrl;

    @Option(
            names = "--llm-sim",
            paramLabel = "URL",
            description = "the llm-sim NAVI talks to: the probe's script is put there")
    String llmSimUrl;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "checkout with deploy/ and docs/ (default: .)")
    Path repo;

    @Option(
            names = "--evidence",
            paramLabel = "DIR",
            description = "where navi validate and navi bench wrote their reports")
    Path evidence;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "where to write the report (default: .)")
    Path report;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "read the bearer token from FILE (instead of NAVI_TOKEN or $NAVI_HOME/admin.token)")
    Path tokenFile;

    @Option(
            names = "--max-evidence-age",
            paramLabel = "DURATION",
            defaultValue = "7d",
            description = "oldest acceptable report (default: 7d)")
    String maxEvidenceAge;

    @Option(
            names = "--heartbeat-interval",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "the deployment's navi.events.heartbeat-interval (default: 10s)")
    String heartbeatInterval;

    @Option(
            names = "--heartbeat-slack",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "allowed lateness of a heartbeat (default: 5s)")
    String heartbeatSlack;

    @Option(
            names = "--probe-workspace",
            paramLabel = "PATH",
            defaultValue = "readiness-probe",
            description = "workspace directory of the probe task (default: readiness-probe)")
    String probeWorkspace;

    @Option(
            names = "--probe-git",
            paramLabel = "URL",
            description = "a git URL for the probe task instead of --probe-workspace")
    String probeGit;

    @Option(names = "--no-probe", description = "submit no probe task (the stream rows are then ⚠️)")
    boolean noProbe;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        Durations.parse("--max-evidence-age", maxEvidenceAge); // usage errors before any request
        Durations.parse("--heartbeat-interval", heartbeatInterval);
        Durations.parse("--heartbeat-slack", heartbeatSlack);
        if (!Files.isDirectory(repo.resolve("deploy")) || !Files.isDirectory(repo.resolve("docs"))) {
            throw new UsageException("--repo " + repo + " has no deploy/ and docs/: point it at a NAVI checkout");
        }
        var connection = connection();
        var target = new Target(
                connection.baseUrl(),
                managementUrl == null ? connection.baseUrl() : url("--management-url", managementUrl),
                Optional.ofNullable(prometheusUrl).map(u -> url("--prometheus", u)),
                Optional.ofNullable(llmSimUrl).map(u -> url("--llm-sim", u)));
        var readiness = review(target, connection, Clock.systemUTC(), out);
        ReportWriter.write(readiness, report);
        var verdict = readiness.verdict();
        readiness.rows().stream()
                .filter(r -> r.outcome() instanceof Outcome.Fail)
                .forEach(r -> out.println("❌ " + r.section().title() + ": " + r.check() + " — "
                        + r.outcome().text()));
        out.println(verdict.sentence());
        out.println("Report: " + report.resolve("readiness.md") + ", " + report.resolve("readiness.json"));
        out.flush();
        return verdict.ready() ? ExitCodes.SUCCEEDED : ExitCodes.FAILED;
    }

    private Readiness review(Target target, Connection connection, Clock clock, PrintWriter out) {
        var kit = new OpsKit(repo.toAbsolutePath().normalize());
        var http = new Http(connection.token(), Duration.ofSeconds(30));
        var rows = new ArrayList<Row>();
        out.println("Checking " + target.api() + " (management " + target.management() + ") and " + kit.root());
        out.flush();
        rows.addAll(new ServiceChecks(target, http).run());
        var monitoring = new MonitoringChecks(target, http, kit);
        var scrape = monitoring.scrape();
        rows.add(SandboxCheck.check(
                target, http.get(target.management("/health/ready"), "application/json"), scrape.metrics()));
        rows.addAll(monitoring.run(scrape));
        rows.addAll(probe(target, connection));
        rows.addAll(new DashboardChecks(kit).run());
        rows.addAll(new AlertChecks(kit).run());
        rows.addAll(new Promtool(kit, Promtool.onPath(System.getenv())).run());
        rows.addAll(new EvidenceCheck(
                        Optional.ofNullable(evidence), Durations.parse("--max-evidence-age", maxEvidenceAge), clock)
                .run());
        var customizations = new Placeholders(kit).scan();
        rows.addAll(new DeploymentChecks(kit).run(customizations));
        return new Readiness(clock.instant(), target.api().toString(), ReportWriter.complete(rows), customizations);
    }

    private List<Row> probe(Target target, Connection connection) {
        var interval = Durations.parse("--heartbeat-interval", heartbeatInterval);
        var slack = Durations.parse("--heartbeat-slack", heartbeatSlack);
        if (noProbe || connection.token().isEmpty()) {
            var why = noProbe ? "--no-probe: no probe task submitted" : "no token: a probe task cannot be submitted";
            return List.of(Row.warn(Section.CONNECTIONS, HeartbeatJudge.CHECK, "-", why));
        }
        var upload = target.llmSim().flatMap(HeartbeatProbe::uploadScript);
        if (upload.isPresent()) {
            return List.of(Row.warn(
                    Section.CONNECTIONS,
                    HeartbeatJudge.CHECK,
                    "POST " + target.llmSim().orElseThrow() + "/_sim/scripts",
                    upload.get()));
        }
        var client = new NaviClient(connection, Duration.ofSeconds(60), System.err);
        var workspace = new HeartbeatProbe.Workspace(probeWorkspace, probeGit);
        return new HeartbeatProbe(client, workspace, new HeartbeatJudge(interval, slack), Duration.ofMinutes(2)).run();
    }

    private Connection connection() {
        var resolved = connection.connection();
        if (tokenFile == null) {
            return resolved;
        }
        try {
            var token = Files.readString(tokenFile).strip();
            if (token.isEmpty()) {
                throw new UsageException("--token-file " + tokenFile + " is empty");
            }
            return new Connection(resolved.baseUrl(), Optional.of(token), tokenFile.toString());
        } catch (IOException e) {
            throw new UsageException("--token-file " + tokenFile + " cannot be read: " + e.getMessage());
        }
    }

    private static URI url(String option, String value) {
        try {
            var uri = URI.create(value.strip().replaceAll("/+$", ""));
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UsageException(option + " '" + value + "' must be an http:// or https:// URL with a host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " '" + value + "' is not a URL");
        }
    }
}
