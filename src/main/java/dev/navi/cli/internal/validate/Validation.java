package dev.navi.cli.internal.validate;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** One validation run: the scenarios, then the contract checks, then the objectives. */
final class Validation {

    record Settings(
            Suite suite,
            List<Scenario> scenarios,
            Api api,
            SimScripts sim,
            Delivery delivery,
            Thresholds thresholds,
            Duration taskTimeout,
            String runId) {}

    private final Settings settings;
    private final PrintWriter out;

    Validation(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    Report run() {
        var started = Instant.now();
        var idle = settings.thresholds().heartbeatInterval().multipliedBy(3).plusSeconds(5);
        var driver = new TaskDriver(settings.api(), settings.sim(), settings.runId(), settings.taskTimeout(), idle);
        var runner =
                new ScenarioRunner(driver, settings.delivery(), new Verifier(Duration.ofMinutes(2)), settings.runId());
        var results = new ArrayList<ScenarioResult>();
        var checks = new ArrayList<CheckResult>();
        try {
            for (var scenario : settings.scenarios()) {
                out.println("scenario " + scenario.name() + ": " + scenario.description());
                var result = runner.run(scenario);
                out.println("  " + (result.passed() ? "✅" : "❌") + " " + result.status()
                        + (result.stopReason() == null ? "" : " / " + result.stopReason())
                        + (result.passed()
                                ? ""
                                : ": "
                                        + result.failures()
                                                .getFirst()
                                                .lines()
                                                .findFirst()
                                                .orElse("")));
                out.flush();
                results.add(result);
            }
            var probe = ScenarioCatalog.all().stream()
                    .filter(s -> s.name().equals("probe"))
                    .findFirst()
                    .orElseThrow();
            out.println("service contract checks");
            var contract = new ContractChecks(
                    driver, settings.delivery().deliver(probe, settings.runId()), settings.thresholds());
            checks.addAll(contract.run());
            checks.addFirst(continuity(results, contract.runs()));
            checks.forEach(c -> out.println("  " + (c.passed() ? "✅" : "❌") + " " + c.name() + ": " + c.measured()));
            out.flush();
            var startedMs = Stream.concat(
                            results.stream().map(ScenarioResult::submitToStartedMs),
                            contract.runs().stream()
                                    .map(r -> r.submitToStarted()
                                            .map(Duration::toMillis)
                                            .orElse(null)))
                    .filter(Objects::nonNull)
                    .toList();
            var slos = Slos.evaluate(results, startedMs, settings.api().latencies(), settings.thresholds());
            return new Report(
                    settings.suite().wireName(),
                    settings.api().client().baseUrl().toString(),
                    llm(),
                    settings.delivery().describe(),
                    started,
                    Instant.now(),
                    results,
                    checks,
                    slos);
        } finally {
            settings.delivery().cleanUp(settings.runId());
        }
    }

    private String llm() {
        return settings.sim().enabled()
                ? "llm-sim (each scenario's scripted solution posted to it and named in the prompt)"
                : "the provider the NAVI under test is configured with (plain prompts)";
    }

    static CheckResult continuity(List<ScenarioResult> scenarios, List<TaskRun> checkRuns) {
        var problems = new ArrayList<String>();
        scenarios.forEach(s -> s.failures().stream()
                .filter(f -> f.startsWith("stream: "))
                .forEach(f -> problems.add(s.name() + ": " + f.substring(8))));
        checkRuns.forEach(r -> r.recording().continuityProblems().forEach(p -> problems.add(r.id() + ": " + p)));
        var tasks = scenarios.stream().filter(s -> s.taskId() != null).count() + checkRuns.size();
        var events = scenarios.stream().mapToLong(ScenarioResult::streamEvents).sum()
                + checkRuns.stream()
                        .mapToLong(r -> r.recording().events().size())
                        .sum();
        return new CheckResult(
                "stream-continuity",
                problems.isEmpty() && tasks > 0,
                events + " events of " + tasks + " tasks"
                        + (problems.isEmpty() ? ", each seq once, no gap" : ": " + String.join("; ", problems)),
                "every seq exactly once, 1…n without gaps, ending with the terminal event",
                "");
    }
}
