package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rate limits, a 5xx storm and unknown prices, with ten tasks at once and no fallback: the breaker must
 * not fail healthy work, and a cost NAVI cannot know must not pass for 0.
 */
@UsesAnthropicSim
@TestPropertySource(
        properties = {
            "navi.agent.concurrency=10",
            "navi.llm.retry.max-attempts=4",
            "navi.llm.retry.initial-backoff=100ms",
            "navi.llm.retry.max-backoff=1s",
            "navi.llm.retry.task-retry-budget=40",
            "navi.llm.circuit-breaker.minimum-calls=2",
            "navi.llm.circuit-breaker.sliding-window-size=2",
            "navi.llm.circuit-breaker.failure-rate-threshold=100",
            "navi.llm.circuit-breaker.open-duration=3s",
            "navi.llm.circuit-breaker.half-open-calls=2",
            "navi.llm.prices.[burst-model].input-usd-per-million-tokens=1",
            "navi.llm.prices.[burst-model].output-usd-per-million-tokens=1",
            "navi.llm.prices.[storm-model].input-usd-per-million-tokens=1",
            "navi.llm.prices.[storm-model].output-usd-per-million-tokens=1",
            "navi.agent.max-output-tokens=200",
            "navi.database.embedded-data-directory=${navi.home}/pgdata-fault-backpressure"
        })
class LlmFaultBackPressureIT extends NaviIntegrationTest {

    private static final int TASKS = 10;

    @Nested
    class Breaker {

        @Test
        void whenTenTasksMeetABurstOf429sThenAllSucceedAndTheCircuitStaysClosed() {
            register("burst", "{\"text\":\"done\",\"faults\":[{\"status\":429,\"times\":2}]}");

            var ids = submitMany("burst", "burst-model");

            assertThat(ids)
                    .allSatisfy(
                            id -> assertThat(awaitFinished(id).get("stopReason").asString())
                                    .as("task %s", id)
                                    .isEqualTo("completed"));
            assertThat(ids).allSatisfy(id -> assertThat(types(stream(id))).doesNotContain("llm.circuit_open"));
            assertThat(metric("navi_llm_retries_total{error_class=\"rate_limited\",model=\"burst-model\","
                            + "provider=\"anthropic\"}"))
                    .isEqualTo(2.0 * TASKS);
            assertThat(metric("navi_llm_circuit_state{model=\"burst-model\",provider=\"anthropic\",state=\"closed\"}"))
                    .isEqualTo(1.0);
        }

        @Test
        void whenA5xxStormOpensTheCircuitThenTasksWaitAndSucceedOnceTheProviderRecovers() {
            register("storm", "{\"text\":\"weathered\",\"faults\":[{\"status\":500,\"times\":-1}]}");
            var open = "navi_llm_circuit_state{model=\"storm-model\",provider=\"anthropic\",state=\"open\"}";

            var ids = submitMany("storm", "storm-model");
            await().atMost(Duration.ofSeconds(20)).until(() -> metric(open) == 1.0);
            register("storm", "{\"text\":\"weathered\"}");

            assertThat(ids).allSatisfy(id -> {
                var finished = awaitFinished(id);
                assertThat(finished.get("stopReason").asString())
                        .as("task %s", id)
                        .isEqualTo("completed");
                assertThat(finished.get("summary").asString()).isEqualTo("weathered");
            });
            var waited = ids.stream()
                    .flatMap(id -> stream(id).stream())
                    .filter(event -> event.type().equals("llm.retry"))
                    .map(event -> json.readTree(event.data()))
                    .filter(retry -> retry.get("errorClass").asString().equals("circuit_open"))
                    .toList();
            assertThat(waited)
                    .isNotEmpty()
                    .allSatisfy(
                            retry -> assertThat(retry.get("waitMs").asLong()).isPositive());
            assertThat(metric("navi_llm_circuit_state{model=\"storm-model\",provider=\"anthropic\",state=\"closed\"}"))
                    .isEqualTo(1.0);
        }
    }

    @Nested
    class UnknownPrice {

        @Test
        void whenTheModelHasNoPriceThenTheTaskAndItsEventsShowTheCostAsUnknown() {
            register("unpriced", "{\"text\":\"free?\",\"usage\":{\"input_tokens\":100,\"output_tokens\":10}}");

            var id = submitWithModel("unpriced", "unpriced-model", null);
            var finished = awaitFinished(id);

            assertThat(finished.get("stopReason").asString()).isEqualTo("completed");
            var usage = finished.get("usage");
            assertThat(usage.get("costUsd").isNull()).as(usage.toString()).isTrue();
            assertThat(usage.get("costKnown").asBoolean()).isFalse();
            assertThat(usage.get("inputTokens").asLong()).isEqualTo(100);
            var events = stream(id);
            var response = data(events, "llm.response");
            assertThat(response.get("costUsd").isNull()).isTrue();
            assertThat(response.get("costKnown").asBoolean()).isFalse();
            var totals = data(events, "task.succeeded").get("totals");
            assertThat(totals.get("costUsd").isNull()).isTrue();
            assertThat(totals.get("costKnown").asBoolean()).isFalse();
        }

        @Test
        void whenTheModelHasAPriceThenTheCostIsKnown() {
            register("priced", "{\"text\":\"paid\",\"usage\":{\"input_tokens\":1000000,\"output_tokens\":0}}");

            var finished = awaitFinished(submitWithModel("priced", "burst-model", null));

            assertThat(finished.get("usage").get("costKnown").asBoolean()).isTrue();
            assertThat(finished.get("usage").get("costUsd").decimalValue()).isEqualByComparingTo("1");
        }

        @Test
        void whenACostLimitIsAskedForAModelWithoutPriceThenTheSubmissionIsRefused() {
            var body = submission("unpriced", "unpriced-model", "{\"maxCostUsd\": 1}");

            var response = post("/api/v1/tasks", body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("limits.maxCostUsd", "unpriced-model", "no known price");
        }
    }

    private List<String> submitMany(String script, String model) {
        return IntStream.range(0, TASKS)
                .mapToObj(i -> submitWithModel(script, model, null))
                .toList();
    }

    private String submitWithModel(String script, String model, String limitsJson) {
        var response = post("/api/v1/tasks", submission(script, model, limitsJson));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response).get("id").asString();
    }

    private String submission(String script, String model, String limitsJson) {
        var body = json.createObjectNode();
        body.put("prompt", "[sim:" + script + "] " + UUID.randomUUID());
        body.put("model", model);
        body.putObject("workspace").put("path", NaviHome.workspace("ws-bp-" + script, "a.txt", "a\n"));
        if (limitsJson != null) {
            body.set("limits", json.readTree(limitsJson));
        }
        return json.writeValueAsString(body);
    }

    private JsonNode data(List<SseClient.Event> events, String type) {
        return events.stream()
                .filter(event -> event.type().equals(type))
                .map(event -> json.readTree(event.data()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " event"));
    }

    private void register(String name, String turnJson) {
        var script = "{\"name\":\"" + name + "\",\"turns\":[" + turnJson + "]}";
        var response = send(HttpRequest.newBuilder(URI.create(TestLlmSim.SIM.baseUrl() + "/_sim/scripts"))
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private double metric(String series) {
        return get("/metrics", "text/plain")
                .body()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(Double.NaN);
    }
}
