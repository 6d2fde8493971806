package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The fault matrix: every error class against llm-sim, through the whole application, asserting the
 * HTTP calls llm-sim received, the stop reason, the events and the time waited. Run once per protocol
 * and streaming mode by the four subclasses; each scenario uses a script and a model of its own.
 */
@TestPropertySource(
        properties = {
            "navi.llm.retry.max-attempts=4",
            "navi.llm.retry.initial-backoff=50ms",
            "navi.llm.retry.max-backoff=200ms",
            "navi.llm.retry.max-retry-after=5s",
            "navi.llm.first-byte-timeout=600ms",
            "navi.llm.idle-timeout=600ms",
            "navi.llm.circuit-breaker.minimum-calls=1000",
            "navi.llm.circuit-breaker.sliding-window-size=1000",
            "navi.agent.max-output-tokens=200"
        })
abstract class LlmFaultMatrixIT extends NaviIntegrationTest {

    static final String TEXT = "Finished after the fault.";

    /** Short name of the protocol and mode, e.g. {@code anthropic stream}. */
    abstract String variant();

    static Stream<LlmFaultScenario> scenarios() {
        return LlmFaultScenario.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void whenTheProviderFailsThenThePolicyHolds(LlmFaultScenario scenario) {
        var script = register(scenario.name(), "{\"text\":\"" + TEXT + "\",\"faults\":[" + scenario.faults() + "]}");
        var started = Instant.now();

        var id = submit(script, null).get("id").asString();
        var finished = awaitFinished(id);
        var took = Duration.between(started, Instant.now());
        var requests = simRequests(script);
        var events = types(stream(id));

        var expected = scenario.expected();
        assertThat(requests).as("HTTP calls llm-sim received").hasSize(expected.calls());
        assertThat(finished.get("usage").get("llmCalls").asInt()).isEqualTo(expected.calls());
        assertThat(finished.get("stopReason").asString()).isEqualTo(expected.stopReason());
        assertThat(events.stream().filter("llm.retry"::equals)).hasSize(expected.retries());
        var waited = waited(requests);
        assertThat(waited).isGreaterThanOrEqualTo(expected.minWait());
        if (expected.errorClass() == null) {
            assertThat(finished.get("summary").asString()).isEqualTo(TEXT);
            assertThat(events.stream().filter("llm.response"::equals)).hasSize(1);
        } else {
            assertThat(finished.get("error").get("class").asString()).isEqualTo(expected.errorClass());
            assertThat(finished.get("error").get("message").asString()).isNotBlank();
            assertThat(events).doesNotContain("llm.response").last().isEqualTo("task.failed");
        }
        if (expected.calls() == 1 && expected.errorClass() != null) {
            assertThat(took)
                    .as("a non-retryable failure ends the task without waiting to retry")
                    .isLessThan(Duration.ofSeconds(10));
        }
        LlmFaultTable.record(scenario, variant(), requests.size(), waited, outcome(finished));
    }

    @Test
    void whenTheWorstCaseOfTheFirstCallIsOverTheTokenLimitThenNoCallIsSent() {
        var script = register("budget-first", "{\"text\":\"" + TEXT + "\"}");

        var finished =
                awaitFinished(submit(script, "{\"maxTokens\": 1}").get("id").asString());

        assertThat(simRequests(script)).isEmpty();
        assertThat(finished.get("stopReason").asString()).isEqualTo("budget_exhausted");
        assertThat(finished.get("usage").get("llmCalls").asInt()).isZero();
        assertThat(finished.get("error").get("message").asString()).contains("not made");
        LlmFaultTable.record(LlmFaultScenario.BUDGET_FIRST, variant(), 0, Duration.ZERO, outcome(finished));
    }

    @Test
    void whenTheNextCallCouldCrossTheTokenLimitThenItIsNeverSent() {
        var script = register(
                "budget-second",
                "{\"tool_calls\":[{\"name\":\"list_files\",\"arguments\":{\"path\":\".\"}}],"
                        + "\"usage\":{\"input_tokens\":59500,\"output_tokens\":10}},{\"text\":\"" + TEXT + "\"}");

        var finished =
                awaitFinished(submit(script, "{\"maxTokens\": 60000}").get("id").asString());

        assertThat(simRequests(script)).extracting(r -> r.get("turn").asInt()).containsExactly(0);
        assertThat(finished.get("stopReason").asString()).isEqualTo("budget_exhausted");
        assertThat(finished.get("iterations").asInt()).isEqualTo(1);
        assertThat(finished.get("usage").get("llmCalls").asInt()).isEqualTo(1);
        LlmFaultTable.record(LlmFaultScenario.BUDGET_SECOND, variant(), 1, Duration.ZERO, outcome(finished));
    }

    @Test
    void whenCancelledDuringTheBackoffThenItEndsAtOnceWithoutAnotherCall() {
        var script = register(
                "cancel-backoff",
                "{\"text\":\"" + TEXT + "\",\"faults\":[{\"status\":429,\"headers\":{\"retry-after\":\"4\"}}]}");
        var id = submit(script, null).get("id").asString();
        var retry = sse.readUntil(
                uri("/api/v1/tasks/" + id + "/events"), null, e -> e.type().equals("llm.retry"));
        var cancelledAt = Instant.now();

        post("/api/v1/tasks/" + id + "/cancel", "");
        var finished = awaitFinished(id);

        assertThat(Duration.between(cancelledAt, Instant.now()))
                .as("the 4 s retry wait is cut short")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(json.readTree(retry.getLast().data()).get("waitMs").asLong()).isEqualTo(4000);
        assertThat(finished.get("status").asString()).isEqualTo("cancelled");
        assertThat(simRequests(script)).hasSize(1);
        LlmFaultTable.record(LlmFaultScenario.CANCEL, variant(), 1, Duration.ZERO, outcome(finished));
    }

    @AfterAll
    static void writeTable() {
        LlmFaultTable.write();
    }

    /** Submits a task for {@code script} with a model of its own, so each scenario has its own circuit. */
    protected JsonNode submit(String script, String limitsJson) {
        var body = json.createObjectNode();
        body.put("prompt", "[sim:" + script + "] " + UUID.randomUUID());
        body.put("model", "model-" + script);
        body.putObject("workspace").put("path", NaviHome.workspace("ws-" + script, "a.txt", "a\n"));
        if (limitsJson != null) {
            body.set("limits", json.readTree(limitsJson));
        }
        var response = post("/api/v1/tasks", json.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response);
    }

    /** Registers a script named after the scenario and this variant; returns its name. */
    protected String register(String scenario, String turnsJson) {
        var name = scenario + "-" + variant().replace(' ', '-');
        var script = "{\"name\":\"" + name + "\",\"turns\":[" + turnsJson + "]}";
        var response = send(HttpRequest.newBuilder(URI.create(TestLlmSim.SIM.baseUrl() + "/_sim/scripts"))
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return name;
    }

    private static Duration waited(List<JsonNode> requests) {
        if (requests.size() < 2) {
            return Duration.ZERO;
        }
        return Duration.between(
                Instant.parse(requests.getFirst().get("time").asString()),
                Instant.parse(requests.getLast().get("time").asString()));
    }

    private static String outcome(JsonNode task) {
        var stop = task.get("stopReason").asString();
        var error = task.path("error");
        return error.isObject() ? stop + " (" + error.get("class").asString() + ")" : stop;
    }
}
