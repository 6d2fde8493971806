package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.Connection;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.UsageException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code navi validate}: end-to-end validation of a deployed NAVI (docs/validation.md). */
@Command(
        name = "validate",
        description = "Runs real coding scenarios through NAVI's public API, verifies each diff by running the"
                + " repository's tests, checks the service contract and the SLOs, and writes report.md and"
                + " report.json. Exit 0 when everything passed, 1 when a scenario, a check or an SLO failed.",
        mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--suite",
            defaultValue = "smoke",
            description = "smoke (a fast subset) or full (default: ${DEFAULT-VALUE})")
    Suite suite;

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            description = "Run only these scenarios of the suite (repeatable)")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--report",
            paramLabel = "DIR",
            defaultValue = "navi-validation",
            description = "Where report.md and report.json go (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @ArgGroup(multiplicity = "1")
    Where where;

    static final class Where {
        @Option(
                names = "--workspace-root",
                paramLabel = "DIR",
                description =
                        "NAVI's workspaces root (navi.workspace.root) as this machine sees it; repositories are copied under <DIR>/<tenant>/navi-validate/")
        Path workspaceRoot;

        @Option(
                names = "--git-remote",
                paramLabel = "URL",
                description =
                        "A git repository NAVI can clone and you can push to; each scenario is pushed as a branch navi-validate/<run>/<scenario>")
        String gitRemote;
    }

    @Option(
            names = "--tenant",
            defaultValue = "default",
            description = "The tenant of the token, for --workspace-root (default: ${DEFAULT-VALUE})")
    String tenant;

    @Option(
            names = "--llm-sim",
            paramLabel = "URL",
            description =
                    "llm-sim's URL, when the NAVI under test uses it: scripts are posted there and named in the prompts")
    URI llmSim;

    @Option(
            names = "--sim-script",
            paramLabel = "SCENARIO=FILE",
            description =
                    "Replace a scenario's llm-sim script by this file's (to check that the verifier catches a wrong solution)")
    Map<String, Path> simScripts = new HashMap<>();

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Read the bearer token from this file (default: $NAVI_TOKEN, else $NAVI_HOME/admin.token)")
    Path tokenFile;

    @Mixin
    ThresholdOptions thresholds;

    @Option(
            names = "--task-timeout",
            defaultValue = "600s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "How long one task may take before it counts as failed (default: ${DEFAULT-VALUE})")
    Duration taskTimeout;

    @Override
    public Integer call() {
        var scenarios = scenarios();
        var delivery = delivery();
        var client = new NaviClient(connection(), Duration.ofSeconds(60), System.err);
        client.get("/api/v1/tasks?limit=1"); // unreachable or refused credentials: say so before anything runs
        var runId = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        var settings = new Validation.Settings(
                suite,
                scenarios,
                new Api(client),
                llmSim == null ? SimScripts.none() : new SimScripts(llmSim),
                delivery,
                thresholds.thresholds(),
                taskTimeout,
                runId);
        var out = spec.commandLine().getOut();
        out.println("navi validate " + suite.wireName() + " against " + client.baseUrl() + " (run " + runId + ")");
        var report = new Validation(settings, out).run();
        ReportWriter.write(report, reportDir);
        out.println((report.passed() ? "✅ passed" : "❌ failed") + "; report: " + reportDir.resolve("report.md"));
        out.flush();
        return report.passed() ? ExitCodes.SUCCEEDED : ExitCodes.FAILED;
    }

    private Connection connection() {
        var resolved = connection.connection();
        if (tokenFile == null) {
            return resolved;
        }
        try {
            var token = Files.readString(tokenFile).strip();
            return new Connection(
                    resolved.baseUrl(), Optional.of(token).filter(t -> !t.isEmpty()), tokenFile.toString());
        } catch (IOException e) {
            throw new UsageException("--token-file " + tokenFile + " cannot be read: " + e.getMessage());
        }
    }

    private Delivery delivery() {
        if (where.gitRemote != null) {
            return new Delivery.GitPush(where.gitRemote);
        }
        if (!Files.isDirectory(where.workspaceRoot)) {
            throw new UsageException("--workspace-root " + where.workspaceRoot + " is not a directory");
        }
        return new Delivery.LocalRoot(where.workspaceRoot.toAbsolutePath(), tenant);
    }

    private List<Scenario> scenarios() {
        var scenarios = new ArrayList<Scenario>();
        var inSuite = ScenarioCatalog.of(suite);
        for (var name : only) {
            if (inSuite.stream().noneMatch(s -> s.name().equals(name))) {
                throw new UsageException("no scenario " + name + " in suite " + suite.wireName());
            }
        }
        for (var scenario : inSuite) {
            if (only.isEmpty() || only.contains(scenario.name())) {
                scenarios.add(withScript(scenario));
            }
        }
        return scenarios;
    }

    private Scenario withScript(Scenario scenario) {
        var file = simScripts.get(scenario.name());
        if (file == null) {
            return scenario;
        }
        try {
            var script = NaviClient.json().readTree(Files.readString(file));
            return new Scenario(
                    scenario.name(),
                    scenario.description(),
                    scenario.suites(),
                    scenario.prompt(),
                    scenario.limits(),
                    scenario.expected(),
                    scenario.verify(),
                    script,
                    scenario.files(),
                    scenario.checkFiles());
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--sim-script " + scenario.name() + "=" + file + ": " + e.getMessage());
        }
    }
}
