package dev.navi.cli.internal.bench;

import dev.navi.cli.internal.EventStream;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.StreamEvent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The benchmark's tasks: its llm-sim scripts, its workspace, and submitting and following tasks. */
final class Workload {

    static final String WORKSPACE = "navi-bench";
    static final String ONE_TURN = "navi-bench-one";
    static final String WAIT = "navi-bench-wait";

    private final Target target;
    private final HttpClient http = HttpClient.newHttpClient();

    Workload(Target target) {
        this.target = target;
    }

    static String steps(int steps) {
        return "navi-bench-steps-" + steps;
    }

    /** The workspace (default tenant) and the scripts, added to llm-sim through {@code POST /_sim/scripts}. */
    void prepare(int steps) throws IOException, InterruptedException {
        var workspace = Files.createDirectories(
                target.workspaceRoot().resolve("default").resolve(WORKSPACE));
        Files.writeString(workspace.resolve("README.md"), "# Benchmark workspace\n\nA file for read_file.\n");
        var read = Map.of("tool_calls", List.of(Map.of("name", "read_file", "arguments", Map.of("path", "README.md"))));
        var turns = new ArrayList<Object>(Collections.nCopies(steps, read));
        turns.add(Map.of("text", "Read it."));
        addScript(Map.of("name", steps(steps), "turns", turns));
        addScript(Map.of("name", ONE_TURN, "turns", List.of(Map.of("text", "Done."))));
        var write = Map.of("name", "write_file", "arguments", Map.of("path", "waiting.txt", "content", "x\n"));
        addScript(Map.of(
                "name", WAIT, "turns", List.of(Map.of("tool_calls", List.of(write)), Map.of("text", "Written."))));
    }

    private void addScript(Map<String, Object> script) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(target.simUrl().resolve("/_sim/scripts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NaviClient.json().writeValueAsString(script)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("llm-sim refused the script " + script.get("name") + ": " + response.body());
        }
    }

    String submit(String script, int maxIterations, String approvals) {
        var body = NaviClient.json().createObjectNode();
        body.put("prompt", "[sim:" + script + "] navi bench " + UUID.randomUUID());
        body.putObject("workspace").put("path", WORKSPACE);
        body.putObject("limits").put("maxIterations", maxIterations);
        body.put("approvals", approvals);
        return target.navi().post("/api/v1/tasks", body).path("id").asString();
    }

    /** Submits a task and follows its stream to the end; the client time is submit to terminal event. */
    TaskRun run(String script, int maxIterations) {
        var begin = System.nanoTime();
        var id = submit(script, maxIterations, "never");
        var events = new ArrayList<StreamEvent>();
        var end = new EventStream(target.navi(), id, 0, events::add).follow();
        var clientMs = (System.nanoTime() - begin) / 1e6;
        return new TaskRun(id, end == EventStream.End.TERMINAL ? events : List.of(), clientMs);
    }

    void cancel(String id) {
        target.navi().post("/api/v1/tasks/" + id + "/cancel", Map.of());
    }

    String status(String id) {
        return target.navi().get("/api/v1/tasks/" + id).path("status").asString();
    }

    /** {@code count} runs on {@code concurrency} virtual threads, each taking the next until none is left. */
    static Batch concurrently(int concurrency, int count, Supplier<TaskRun> run) {
        var runs = Collections.synchronizedList(new ArrayList<TaskRun>());
        var next = new AtomicInteger();
        var begin = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < concurrency; i++) {
                executor.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        try {
                            runs.add(run.get());
                        } catch (RuntimeException e) {
                            runs.add(new TaskRun("failed: " + e.getMessage(), List.of(), 0));
                        }
                    }
                    return null;
                });
            }
        }
        return new Batch(List.copyOf(runs), (System.nanoTime() - begin) / 1e9);
    }

    /** A finished task's events (empty when its stream gave up) and what the bench waited for it. */
    record TaskRun(String id, List<StreamEvent> events, double clientMs) {
        TaskTimes times() {
            return TaskTimes.of(events);
        }
    }

    record Batch(List<TaskRun> runs, double seconds) {
        List<TaskTimes> times() {
            return runs.stream().map(TaskRun::times).toList();
        }
    }
}
