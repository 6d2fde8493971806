package dev.navi.cli.internal.validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs one scenario end to end: deliver the repository, submit, follow, verify the diff, judge. */
final class ScenarioRunner {

    private final TaskDriver driver;
    private final Delivery delivery;
    private final Verifier verifier;
    private final String runId;

    ScenarioRunner(TaskDriver driver, Delivery delivery, Verifier verifier, String runId) {
        this.driver = driver;
        this.delivery = delivery;
        this.verifier = verifier;
        this.runId = runId;
    }

    ScenarioResult run(Scenario scenario) {
        ObjectNode submission;
        TaskRun run;
        try {
            var workspace = delivery.deliver(scenario, runId);
            submission = driver.submission(scenario.name(), scenario.prompt(), scenario.script(), workspace);
            if (scenario.limits() != null) {
                submission.set("limits", scenario.limits());
            }
            run = driver.run(submission);
        } catch (RuntimeException e) {
            return ScenarioResult.broken(scenario.name(), scenario.description(), "could not run: " + e.getMessage());
        }
        var verification = verifier.verify(scenario, run.diff());
        return result(scenario, run, judge(scenario, run, verification), verification);
    }

    static List<String> judge(Scenario scenario, TaskRun run, Verifier.Verification verification) {
        var failures = new ArrayList<String>();
        var expected = scenario.expected();
        run.recording().continuityProblems().forEach(p -> failures.add("stream: " + p));
        if (!expected.status().equals(run.status())) {
            failures.add("status " + run.status() + ", expected " + expected.status() + describeError(run));
        }
        if (!Objects.equals(expected.stopReason(), run.stopReason())) {
            failures.add("stop reason " + run.stopReason() + ", expected " + expected.stopReason());
        }
        if (expected.iterations() != null && expected.iterations() != run.iterations()) {
            failures.add(run.iterations() + " iterations, expected " + expected.iterations());
        }
        if (!verification.applied()) {
            failures.add(verification.output());
        } else if (Boolean.TRUE.equals(expected.testsPass()) && !Boolean.TRUE.equals(verification.testsPassed())) {
            failures.add("the tests do not pass with the task's diff applied:\n" + verification.output());
        }
        for (var file : expected.diffTouches()) {
            if (!verification.touched().contains(file)) {
                failures.add("the diff does not change " + file);
            }
        }
        for (var marker : expected.refusedMarkers()) {
            failures.addAll(refusals(run, marker));
        }
        return failures;
    }

    /** Every tool call naming the marker must have been refused: {@code ok: false} or a non-zero exit. */
    static List<String> refusals(TaskRun run, String marker) {
        var events = run.recording().events();
        Map<String, JsonNode> results = events.stream()
                .filter(a -> a.type().equals("tool.result"))
                .collect(Collectors.toMap(
                        a -> a.data().path("toolCallId").asString(), Recording.Arrival::data, (a, b) -> b));
        var calls = events.stream()
                .filter(a -> a.type().equals("tool.call"))
                .map(Recording.Arrival::data)
                .filter(d -> d.path("arguments").toString().contains(marker))
                .toList();
        if (calls.isEmpty()) {
            return List.of("no tool call tried to reach " + marker + ": the refusal was not exercised");
        }
        var problems = new ArrayList<String>();
        for (var call : calls) {
            var result = results.get(call.path("toolCallId").asString());
            if (result == null) {
                problems.add(call.path("tool").asString() + " call on " + marker + " has no result");
            } else if (result.path("ok").asBoolean(true)
                    && result.path("exitCode").asInt(0) == 0) {
                problems.add(call.path("tool").asString() + " on " + marker + " was NOT refused: "
                        + Processes.tail(result.path("output").asString(""), 3));
            }
        }
        return problems;
    }

    private static String describeError(TaskRun run) {
        var terminal = run.terminal();
        if (terminal.isEmpty() || !terminal.get().has("message")) {
            return "";
        }
        return " (" + run.errorClass() + ": " + terminal.get().path("message").asString() + ")";
    }

    private static ScenarioResult result(
            Scenario scenario, TaskRun run, List<String> failures, Verifier.Verification verification) {
        Function<Duration, Long> ms = Duration::toMillis;
        return new ScenarioResult(
                scenario.name(),
                scenario.description(),
                run.id(),
                run.status(),
                run.stopReason(),
                run.errorClass(),
                run.iterations(),
                run.inputTokens(),
                run.outputTokens(),
                run.costUsd().orElse(null),
                run.submitToFirstEvent().map(ms).orElse(null),
                run.submitToStarted().map(ms).orElse(null),
                run.wall().map(ms).orElse(null),
                run.llmLatenciesMs(),
                run.timesToFirstTokenMs(),
                run.upstreamErrors(),
                run.totals() == null ? 0 : run.totals().path("llmCalls").asLong(0),
                run.recording().events().size(),
                verification.testsPassed(),
                List.copyOf(failures));
    }
}
