package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.NaviApiException;
import dev.navi.cli.internal.NaviClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The service contract, checked on tasks of its own: heartbeats during a slow step and a resume after
 * the validator cuts its own connection (one slow task), cancel latency, and a bad model failing fast.
 */
final class ContractChecks {

    static final String BAD_MODEL = "navi-validate-no-such-model";
    private static final Set<String> NOT_RETRYABLE =
            Set.of("auth", "permission", "not_found", "invalid_request", "quota_exhausted");

    private final TaskDriver driver;
    private final JsonNode workspace;
    private final Thresholds thresholds;
    private final List<TaskRun> runs = new ArrayList<>();

    ContractChecks(TaskDriver driver, JsonNode workspace, Thresholds thresholds) {
        this.driver = driver;
        this.workspace = workspace;
        this.thresholds = thresholds;
    }

    /** The tasks the checks ran, for the stream-continuity tally. */
    List<TaskRun> runs() {
        return List.copyOf(runs);
    }

    List<CheckResult> run() {
        var results = new ArrayList<CheckResult>();
        results.addAll(slowStream());
        results.add(cancel());
        results.add(badModel());
        return results;
    }

    private List<CheckResult> slowStream() {
        var seconds = thresholds.slowStep().toSeconds();
        var command = "sleep " + seconds;
        var prompt = "Run the shell command `" + command + "` with run_command, then reply with the word done.";
        var script = script(command, "done");
        TaskRun run;
        try {
            run = driver.run(
                    driver.submission("slow-step", prompt, script, workspace),
                    a -> a.type().equals("llm.request"),
                    (id, a) -> {});
        } catch (RuntimeException e) {
            return List.of(
                    CheckResult.error("heartbeats", heartbeatTarget(), e.getMessage()),
                    CheckResult.error("resume", "no gap, no duplicate", e.getMessage()));
        }
        runs.add(run);
        return List.of(heartbeats(run, command), resume(run));
    }

    private CheckResult heartbeats(TaskRun run, String command) {
        var events = run.recording().events();
        var call = events.stream()
                .filter(a -> a.type().equals("tool.call")
                        && a.data().path("arguments").toString().contains(command))
                .findFirst();
        var result = call.flatMap(c -> events.stream()
                .filter(a -> a.type().equals("tool.result"))
                .filter(a -> a.data()
                        .path("toolCallId")
                        .asString()
                        .equals(c.data().path("toolCallId").asString()))
                .findFirst());
        if (result.isEmpty()) {
            return CheckResult.error(
                    "heartbeats", heartbeatTarget(), "the task never ran `" + command + "` (" + run.status() + ")");
        }
        var silence = run.recording().longestSilence(call.get(), result.get());
        var beats = run.recording().heartbeatsBetween(call.get(), result.get());
        var limit = thresholds.heartbeatInterval().plus(thresholds.heartbeatTolerance());
        return new CheckResult(
                "heartbeats",
                beats > 0 && silence.compareTo(limit) <= 0,
                "longest silence " + Format.duration(silence) + ", " + beats + " heartbeats during a "
                        + thresholds.slowStep().toSeconds() + " s step",
                heartbeatTarget(),
                "task " + run.id());
    }

    private String heartbeatTarget() {
        return "≥ 1 heartbeat, silence ≤ " + Format.duration(thresholds.heartbeatInterval()) + " + "
                + Format.duration(thresholds.heartbeatTolerance());
    }

    private static CheckResult resume(TaskRun run) {
        var problems = run.recording().continuityProblems();
        var cut = run.recording().cut();
        return new CheckResult(
                "resume",
                cut && problems.isEmpty() && "succeeded".equals(run.status()),
                cut
                        ? run.recording().events().size() + " events over "
                                + run.recording().connections() + " connections, "
                                + (problems.isEmpty() ? "none missing or repeated" : String.join("; ", problems))
                        : "the task ended before the connection could be cut",
                "after a cut, Last-Event-ID resumes with no gap and no duplicate",
                "task " + run.id() + " ended " + run.status());
    }

    private CheckResult cancel() {
        var target = "task.cancelled within " + Format.duration(thresholds.maxCancelLatency());
        var command = "sleep 120";
        var prompt = "Run the shell command `" + command + "` with run_command, then reply with the word done.";
        var cancelledAt = new long[1];
        TaskRun run;
        try {
            var submission = driver.submission("cancel", prompt, script(command, "done"), workspace);
            run = driver.run(submission, a -> false, (id, a) -> {
                if (cancelledAt[0] == 0 && a.type().equals("tool.call")) {
                    cancelledAt[0] = System.nanoTime();
                    driver.api().cancel(id);
                }
            });
        } catch (RuntimeException e) {
            return CheckResult.error("cancel-latency", target, e.getMessage());
        }
        runs.add(run);
        var terminal = run.recording().terminal();
        if (cancelledAt[0] == 0 || terminal.isEmpty() || !"cancelled".equals(run.status())) {
            return CheckResult.error(
                    "cancel-latency",
                    target,
                    "task " + run.id() + " ended " + run.status()
                            + (cancelledAt[0] == 0 ? " before the command started" : " although it was cancelled"));
        }
        var latency = Duration.ofNanos(terminal.get().nanos() - cancelledAt[0]);
        return new CheckResult(
                "cancel-latency",
                latency.compareTo(thresholds.maxCancelLatency()) <= 0,
                Format.duration(latency) + " from the cancel request to task.cancelled, a running command killed",
                target,
                "task " + run.id());
    }

    private CheckResult badModel() {
        var target = "refused at submission, or failed with a non-retryable class, 0 retries, within "
                + Format.duration(thresholds.maxFailFast());
        var prompt = "Reply with the word done.";
        var script = NaviClient.json()
                .readTree("{\"turns\": [{\"text\": \"unreachable\", \"faults\": [{\"status\": 404, \"times\": -1,"
                        + " \"message\": \"model: " + BAD_MODEL + " not found\"}]}]}");
        TaskRun run;
        try {
            var submission =
                    driver.submission("bad-model", prompt, script, workspace).put("model", BAD_MODEL);
            run = driver.run(submission);
        } catch (NaviApiException refused) {
            var passed = refused.status() == 400;
            return new CheckResult(
                    "bad-model",
                    passed,
                    "submission answered " + refused.getMessage(),
                    target,
                    "a per-task model outside navi.tasks.allowed-models is refused before anything runs");
        } catch (RuntimeException e) {
            return CheckResult.error("bad-model", target, e.getMessage());
        }
        runs.add(run);
        var wall = run.wall().orElse(Duration.ofDays(1));
        var passed = "failed".equals(run.status())
                && "llm_error".equals(run.stopReason())
                && NOT_RETRYABLE.contains(run.errorClass())
                && run.retries() == 0
                && wall.compareTo(thresholds.maxFailFast()) <= 0;
        return new CheckResult(
                "bad-model",
                passed,
                run.status() + " / " + run.stopReason() + " / " + run.errorClass() + ", " + run.retries() + " retries, "
                        + Format.duration(wall) + " after submission",
                target,
                "task " + run.id() + " with model " + BAD_MODEL);
    }

    private static JsonNode script(String command, String text) {
        var script = NaviClient.json().createObjectNode();
        var turns = script.putArray("turns");
        turns.addObject()
                .putArray("tool_calls")
                .addObject()
                .put("name", "run_command")
                .putObject("arguments")
                .put("command", command);
        turns.addObject().put("text", text);
        return script;
    }
}
