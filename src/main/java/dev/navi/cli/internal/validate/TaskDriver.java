package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.NaviClient;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submits tasks and follows them: with llm-sim the script is posted first and named in the prompt
 * ({@code [sim:NAME]}); without it the plain prompt goes to whatever provider NAVI has.
 */
final class TaskDriver {

    private final Api api;
    private final SimScripts sim;
    private final String runId;
    private final Duration taskTimeout;
    private final StreamRecorder recorder;

    TaskDriver(Api api, SimScripts sim, String runId, Duration taskTimeout, Duration idleTimeout) {
        this.api = api;
        this.sim = sim;
        this.runId = runId;
        this.taskTimeout = taskTimeout;
        this.recorder = new StreamRecorder(api.client(), idleTimeout);
    }

    Api api() {
        return api;
    }

    boolean scripted() {
        return sim.enabled();
    }

    /** A submission: the prompt (unique per run and name), the workspace, and the scenario's extras. */
    ObjectNode submission(String name, String prompt, JsonNode script, JsonNode workspace) {
        var scriptName = "navi-validate-" + name;
        sim.post(scriptName, script);
        var body = NaviClient.json().createObjectNode();
        var tag = sim.enabled() ? "[sim:" + scriptName + "] " : "";
        body.put("prompt", tag + prompt + "\n\n(navi validate run " + runId + ", " + name + ")");
        body.set("workspace", workspace);
        return body;
    }

    TaskRun run(ObjectNode submission) {
        return run(submission, a -> false, (id, a) -> {});
    }

    /** {@code seen} gets the task's id and each event as it arrives, on the thread that reads the stream. */
    TaskRun run(
            ObjectNode submission, Predicate<Recording.Arrival> cutAfter, BiConsumer<String, Recording.Arrival> seen) {
        var submitted = System.nanoTime();
        var id = api.submit(submission).path("id").asString();
        var recording = recorder.record(id, taskTimeout, cutAfter, arrival -> seen.accept(id, arrival));
        return new TaskRun(id, submitted, recording, api.diff(id));
    }
}
