package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A whole task through HTTP and SSE; run once per provider protocol by the subclasses (no {@code @Nested}
 * groups here: nested classes would not see the subclass's provider configuration).
 */
abstract class TaskRunScenarios extends NaviIntegrationTest {

    @Test
    void whenModelWritesAndRunsThenTaskSucceedsWithDiffAndEveryStepStreamed() throws Exception {
        var workspace = NaviHome.workspace("full-" + protocol(), "README.md", "demo\n");
        var task = submit("create-file", workspace, null);
        var id = task.get("id").asString();
        assertThat(task.get("status").asString()).isIn("queued", "running");

        var events = stored(stream(id));

        assertThat(types(events))
                .containsExactly(
                        "task.queued",
                        "task.started",
                        "llm.request",
                        "llm.response",
                        "tool.call",
                        "tool.result",
                        "llm.request",
                        "llm.response",
                        "tool.call",
                        "tool.result",
                        "llm.request",
                        "llm.response",
                        "task.succeeded");
        assertThat(events)
                .extracting(SseClient.Event::id)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
        var commandResult = json.readTree(events.get(9).data());
        assertThat(commandResult.get("ok").asBoolean()).isTrue();
        assertThat(commandResult.get("exitCode").asInt()).isZero();
        assertThat(commandResult.get("output").asString()).contains("hi");
        assertThat(commandResult.get("taskId").asString()).isEqualTo(id);

        var finished = task(id);
        assertThat(finished.get("status").asString()).isEqualTo("succeeded");
        assertThat(finished.get("stopReason").asString()).isEqualTo("completed");
        assertThat(finished.get("summary").asString()).isEqualTo("Created hello.txt.");
        assertThat(finished.get("iterations").asInt()).isEqualTo(3);
        assertThat(finished.get("usage").get("llmCalls").asInt()).isEqualTo(3);
        assertThat(finished.get("usage").get("outputTokens").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(finished.get("startedAt").isNull()).isFalse();
        assertThat(finished.get("finishedAt").isNull()).isFalse();

        var diff = get("/api/v1/tasks/" + id + "/diff", "text/x-diff");
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/x-diff"));
        assertThat(diff.body()).contains("b/hello.txt").contains("+hi").doesNotContain("README.md");
        assertThat(NaviHome.WORKSPACES.resolve(workspace).resolve("hello.txt"))
                .as("the source workspace is never modified")
                .doesNotExist();
        assertThat(Files.readString(NaviHome.WORKSPACES.resolve(workspace).resolve("README.md")))
                .isEqualTo("demo\n");
    }

    @Test
    void whenStreamResumesWithLastEventIdThenExactlyTheMissingEventsArrive() {
        var workspace = NaviHome.workspace("resume-" + protocol(), "a.txt", "a\n");
        var id = submit("create-file", workspace, null).get("id").asString();
        var all = stored(stream(id));

        var firstPart = stored(sse.readUntil(uri("/api/v1/tasks/" + id + "/events"), null, e -> "5".equals(e.id())));
        var rest = stored(sse.readAll(uri("/api/v1/tasks/" + id + "/events"), "5"));

        assertThat(firstPart).hasSize(5);
        assertThat(rest)
                .extracting(SseClient.Event::id)
                .containsExactlyElementsOf(all.subList(5, all.size()).stream()
                        .map(SseClient.Event::id)
                        .toList());
        assertThat(rest.getLast().type()).isEqualTo("task.succeeded");
    }

    @Test
    void whenToolCallsAreMalformedThenErrorsGoBackToTheModelAndTheTaskGoesOn() {
        var workspace = NaviHome.workspace("malformed-" + protocol(), "README.md", "x\n");
        var id = submit("malformed", workspace, null).get("id").asString();

        var events = stream(id);
        var finished = task(id);

        assertThat(finished.get("status").asString()).isEqualTo("succeeded");
        var results = events.stream()
                .filter(e -> e.type().equals("tool.result"))
                .map(e -> json.readTree(e.data()))
                .toList();
        assertThat(results).hasSize(5);
        assertThat(results.subList(0, 4))
                .allSatisfy(r -> assertThat(r.get("ok").asBoolean()).isFalse());
        assertThat(results.get(1).get("output").asString()).contains("delete_everything");
        assertThat(results.get(4).get("ok").asBoolean()).isTrue();
    }

    protected abstract String protocol();

    protected abstract String configuredModel();
}
