package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Structured logs of the running application: JSON lines with request id, trace context and task id,
 * and neither the API key nor task content anywhere in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=" + ObservabilityLoggingIT.CANARY,
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim"
        })
class ObservabilityLoggingIT extends NaviIntegrationTest {

    static final String CANARY = "sk-ant-CANARY-4f9c2e7d1b8a";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void whenTasksRunAndFailThenTheKeyAndTheContentNeverReachTheLogs(CapturedOutput output) {
        var succeeded = submit("create-file", NaviHome.workspace("logs-ok", "README.md", "x\n"), null);
        var llmError = submit("obs-auth-error", NaviHome.workspace("logs-llm-error"), null);
        post("/api/v1/tasks", "{\"prompt\": 1}");
        for (var task : List.of(succeeded, llmError)) {
            awaitFinished(task.get("id").asString());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains("Task failed: llm_error"));

        assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain("CANARY");
        assertThat(output.getAll())
                .as("prompts and tool output stay out of the logs")
                .doesNotContain(succeeded.get("prompt").asString())
                .doesNotContain("Created hello.txt.");
    }

    @Test
    void whenARequestCarriesIdAndTraceparentThenBothAreEchoedAndOnItsLogLines(CapturedOutput output) {
        var requestId = "client-" + UUID.randomUUID();
        var body = "{\"prompt\": \"[sim:default] " + UUID.randomUUID() + "\", \"workspace\": {\"path\": \""
                + NaviHome.workspace("logs-request", "a.txt", "a") + "\"}}";

        var response = send(HttpRequest.newBuilder(uri("/api/v1/tasks"))
                .header("Content-Type", "application/json")
                .header("X-Request-ID", requestId)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        var taskId = parse(response).get("id").asString();
        awaitFinished(taskId);

        assertThat(response.headers().firstValue("X-Request-ID")).hasValue(requestId);
        assertThat(response.headers().firstValue("traceparent"))
                .hasValueSatisfying(header -> assertThat(header).startsWith("00-" + TRACE_ID + "-"));
        var queued = lineWith(output, "Task queued", taskId);
        assertThat(queued.get("requestId").asString()).isEqualTo(requestId);
        assertThat(queued.get("traceId").asString()).isEqualTo(TRACE_ID);
        assertThat(queued.get("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void whenTheRequestIdIsNotSaneThenANewOneIsGivenAndEchoed() {
        var response = send(HttpRequest.newBuilder(uri("/api/v1/tasks"))
                .header("X-Request-ID", "bad id with spaces and ${jndi}")
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .GET()
                .build());

        assertThat(response.headers().firstValue("X-Request-ID"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(response.headers().firstValue("traceparent"))
                .hasValueSatisfying(header -> assertThat(header)
                        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00")
                        .doesNotContain("0000000000000000000"));
    }

    @Test
    void whenATaskRunsThenTheLinesItCausesOnTheWorkerCarryItsId(CapturedOutput output) {
        var taskId = submit("create-file", NaviHome.workspace("logs-task", "README.md", "x\n"), null)
                .get("id")
                .asString();
        awaitFinished(taskId);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains("Task " + taskId + " ended"));

        var workerLines = jsonLines(output).stream()
                .filter(line -> line.path("process")
                        .path("thread")
                        .path("name")
                        .asString()
                        .equals("task-" + taskId))
                .toList();

        assertThat(workerLines)
                .extracting(line -> line.get("message").asString())
                .contains("Task " + taskId + " ended: completed")
                .anyMatch(message -> message.startsWith("Tool run_command succeeded"));
        assertThat(workerLines)
                .allSatisfy(line -> assertThat(line.path("taskId").asString()).isEqualTo(taskId));
    }

    private JsonNode lineWith(CapturedOutput output, String messageStart, String taskId) {
        return jsonLines(output).stream()
                .filter(line -> line.path("message").asString().startsWith(messageStart))
                .filter(line -> line.path("taskId").asString().equals(taskId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON log line '" + messageStart + "' of task " + taskId));
    }

    private List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut()
                .lines()
                .filter(line -> line.startsWith("{\"@timestamp\""))
                .map(json::readTree)
                .toList();
    }
}
