package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Circuit breaker, fallback and meters, through the running application (Anthropic, streaming). */
@UsesAnthropicSim
@TestPropertySource(
        properties = {
            "navi.llm.retry.max-attempts=4",
            "navi.llm.retry.initial-backoff=20ms",
            "navi.llm.retry.max-backoff=50ms",
            "navi.llm.circuit-breaker.minimum-calls=2",
            "navi.llm.circuit-breaker.sliding-window-size=2",
            "navi.llm.circuit-breaker.failure-rate-threshold=100",
            "navi.llm.circuit-breaker.open-duration=1s",
            "navi.llm.circuit-breaker.half-open-calls=1",
            "navi.llm.fallback.model=fallback-sim",
            // priced, so the configuration knows them: only known models get a label and a circuit gauge
            "navi.llm.prices.[model-a].input-usd-per-million-tokens=1",
            "navi.llm.prices.[model-b].input-usd-per-million-tokens=1",
            "navi.agent.max-output-tokens=200",
            "navi.database.embedded-data-directory=${navi.home}/pgdata-fault-circuit"
        })
class LlmFaultCircuitIT extends NaviIntegrationTest {

    @Test
    void whenTheCircuitOpensThenTheFallbackModelFinishesTheCall() {
        register("circuit-a", "{\"text\":\"done\",\"faults\":[{\"status\":529,\"times\":2}]}");

        var id = submitWithModel("circuit-a", "model-a");
        var finished = awaitFinished(id);

        assertThat(finished.get("stopReason").asString()).isEqualTo("completed");
        assertThat(types(stream(id)))
                .containsSubsequence("llm.request", "llm.retry", "llm.retry", "llm.circuit_open", "llm.fallback")
                .containsOnlyOnce("llm.response");
        assertThat(simRequests("circuit-a"))
                .extracting(r -> r.get("model").asString())
                .containsExactly("model-a", "model-a", "fallback-sim");
        assertThat(metric("navi_llm_circuit_state{model=\"model-a\",provider=\"anthropic\",state=\"open\"}"))
                .isEqualTo(1.0);
    }

    @Test
    void whenTheOpenDurationHasPassedThenASuccessfulProbeClosesTheCircuit() {
        register("circuit-b", "{\"text\":\"done\",\"faults\":[{\"status\":500,\"times\":2}]}");
        awaitFinished(submitWithModel("circuit-b", "model-b"));
        var closed = "navi_llm_circuit_state{model=\"model-b\",provider=\"anthropic\",state=\"closed\"}";
        assertThat(metric(closed)).isZero();
        register("circuit-b-probe", "{\"text\":\"healthy again\"}");

        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(3)).until(() -> true);
        var probe = awaitFinished(submitWithModel("circuit-b-probe", "model-b"));

        assertThat(probe.get("summary").asString()).isEqualTo("healthy again");
        assertThat(simRequests("circuit-b-probe"))
                .extracting(r -> r.get("model").asString())
                .containsExactly("model-b");
        assertThat(metric(closed)).isEqualTo(1.0);
    }

    @Test
    void whenScrapedThenEveryLlmMeterIsExposed() {
        var metrics = get("/metrics", "text/plain").body();

        assertThat(metrics)
                .contains(
                        "navi_llm_attempts_total{model=\"claude-sim\",outcome=\"rate_limited\",provider=\"anthropic\"}")
                .contains("navi_llm_attempt_duration_seconds_bucket{")
                .contains("navi_llm_time_to_first_token_seconds_bucket{")
                .contains("navi_llm_tokens_total{direction=\"input\"")
                .contains("navi_llm_cost_usd_total{")
                .contains("navi_llm_retries_total{error_class=\"overloaded\"")
                .contains("navi_llm_circuit_state{model=\"claude-sim\",provider=\"anthropic\",state=\"closed\"} 1.0")
                .contains("navi_llm_ratelimiter_wait_seconds_bucket{provider=\"anthropic\"");
    }

    private String submitWithModel(String script, String model) {
        var body = json.createObjectNode();
        body.put("prompt", "[sim:" + script + "] " + UUID.randomUUID());
        body.put("model", model);
        body.putObject("workspace").put("path", NaviHome.workspace("ws-" + script, "a.txt", "a\n"));
        var response = post("/api/v1/tasks", json.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response).get("id").asString();
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
                .orElseThrow(() -> new AssertionError("no series " + series));
    }
}
