package dev.navi.cli.internal.readiness;

import dev.navi.cli.internal.NaviApiException;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.NaviUnreachableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submits a probe task that asks for one command with {@code approvals: commands}, so that it waits
 * for a decision with nothing to say: its stream is idle, and only heartbeats should arrive. Watches
 * the stream for twice the interval plus the slack, then cancels the task (its pending approval is
 * closed as denied). With llm-sim the script {@value #SCRIPT} is uploaded first; a real model is asked
 * in words and may answer without calling the tool, which the row then says (⚠️).
 */
final class HeartbeatProbe {

    static final String SCRIPT = "navi-readiness-probe";
    static final String PROMPT = "[sim:" + SCRIPT + "] This is a readiness probe of the NAVI service. Call the"
            + " run_command tool exactly once with the command `echo navi-readiness-probe`, then stop.";

    /** Where the probe task runs: a directory of the caller's tenant, or a git URL. */
    record Workspace(String path, String git) {
        Map<String, Object> json() {
            return git != null ? Map.of("git", git) : Map.of("path", path);
        }
    }

    private final NaviClient client;
    private final Workspace workspace;
    private final HeartbeatJudge judge;
    private final Duration approvalTimeout;

    HeartbeatProbe(NaviClient client, Workspace workspace, HeartbeatJudge judge, Duration approvalTimeout) {
        this.client = client;
        this.workspace = workspace;
        this.judge = judge;
        this.approvalTimeout = approvalTimeout;
    }

    List<Row> run() {
        var evidence = "POST " + client.baseUrl() + "/api/v1/tasks (approvals: commands, workspace " + workspace.json()
                + "), GET …/events";
        String taskId;
        try {
            taskId = submit();
        } catch (NaviApiException refused) {
            var why = "the probe task was refused: " + refused.getMessage()
                    + (refused.status() == 422
                            ? " (create that workspace, or pass --probe-workspace/--probe-git)"
                            : "");
            return List.of(
                    Row.warn(Section.CONNECTIONS, HeartbeatJudge.CHECK, evidence, why), streamHeadersUnseen(why));
        } catch (NaviUnreachableException e) {
            return List.of(
                    Row.warn(Section.CONNECTIONS, HeartbeatJudge.CHECK, evidence, e.getMessage()),
                    streamHeadersUnseen(e.getMessage()));
        }
        evidence = evidence.replace("…", "/api/v1/tasks/" + taskId);
        try {
            var response = client.openEventStream(taskId, 0);
            var headers = streamHeaders(response, evidence);
            var watched = new IdleStreamWatch(judge, approvalTimeout).watch(response.body());
            return List.of(judge.judge(evidence + ", then POST …/cancel", watched), headers);
        } catch (NaviApiException | NaviUnreachableException e) {
            return List.of(
                    Row.warn(
                            Section.CONNECTIONS,
                            HeartbeatJudge.CHECK,
                            evidence,
                            "cannot open the stream: " + e.getMessage()),
                    streamHeadersUnseen(e.getMessage()));
        } finally {
            cancel(taskId);
        }
    }

    /** Puts the probe's script into llm-sim: one run_command call, then a closing text. */
    static Optional<String> uploadScript(URI llmSim) {
        var script = "{\"name\": \"" + SCRIPT + "\", \"turns\": ["
                + "{\"tool_calls\": [{\"name\": \"run_command\", \"arguments\": {\"command\": \"echo navi-readiness-probe\"}}]},"
                + "{\"text\": \"Probe done.\"}]}";
        var request = HttpRequest.newBuilder(URI.create(llmSim + "/_sim/scripts"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build();
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? Optional.empty()
                    : Optional.of("llm-sim answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            return Optional.of("cannot reach llm-sim at " + llmSim + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private String submit() {
        var body = Map.of(
                "prompt",
                PROMPT,
                "workspace",
                workspace.json(),
                "approvals",
                "commands",
                "limits",
                Map.of("maxIterations", 3, "maxDurationSeconds", 600));
        return client.post("/api/v1/tasks", body).path("id").asString();
    }

    private void cancel(String taskId) {
        try {
            client.post("/api/v1/tasks/" + taskId + "/cancel", Map.of());
        } catch (NaviApiException | NaviUnreachableException e) {
            // already finished (409) or gone: nothing is left running either way
        }
    }

    private Row streamHeaders(HttpResponse<?> response, String evidence) {
        var check = "event streams are sent unbuffered and uncached (Cache-Control: no-cache, X-Accel-Buffering: no)";
        var cache = response.headers().firstValue("Cache-Control").orElse("(absent)");
        var buffering = response.headers().firstValue("X-Accel-Buffering").orElse("(absent)");
        var seen = "Cache-Control: " + cache + ", X-Accel-Buffering: " + buffering;
        return cache.equals("no-cache") && buffering.equals("no")
                ? Row.pass(Section.CONNECTIONS, check, evidence, seen)
                : Row.fail(Section.CONNECTIONS, check, evidence, seen);
    }

    private static Row streamHeadersUnseen(String why) {
        return Row.warn(
                Section.CONNECTIONS,
                "event streams are sent unbuffered and uncached (Cache-Control: no-cache," + " X-Accel-Buffering: no)",
                "GET /api/v1/tasks/{id}/events",
                "no probe stream: " + why);
    }
}
