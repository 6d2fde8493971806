package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** An approval nobody decides within {@code navi.agent.approvals.timeout} is refused as expired. */
@TestPropertySource(
        properties = {
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=sk-ant-test",
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim",
            "navi.llm.prices.[claude-sim].input-usd-per-million-tokens=3",
            "navi.llm.prices.[claude-sim].output-usd-per-million-tokens=15",
            "navi.agent.approvals.timeout=1s"
        })
class ApprovalExpiryIT extends NaviIntegrationTest {

    @Test
    void whenNobodyDecidesInTimeThenTheApprovalExpiresAndTheModelIsToldTheCallWasDenied() {
        NaviHome.workspace("expiry-project", "README.md", "# Expiry\n");
        var body = json.createObjectNode();
        body.put("prompt", "[sim:approval-command] " + UUID.randomUUID());
        body.putObject("workspace").put("path", "expiry-project");
        body.put("approvals", "commands");
        var id = parse(post("/api/v1/tasks", json.writeValueAsString(body)))
                .get("id")
                .asString();

        assertThat(awaitFinished(id).get("status").asString()).isEqualTo("succeeded");

        var approvals = parse(get("/api/v1/tasks/" + id + "/approvals", "application/json"))
                .get("items");
        assertThat(approvals.size()).isEqualTo(1);
        var approval = approvals.get(0);
        assertThat(approval.get("status").asString()).isEqualTo("expired");
        assertThat(approval.get("decidedBy").asString()).isEqualTo("system");
        assertThat(Duration.between(
                        Instant.parse(approval.get("requestedAt").asString()),
                        Instant.parse(approval.get("expiresAt").asString())))
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
        var events = events(id);
        assertThat(events)
                .filteredOn(event -> event.get("type").asString().equals("approval.decided"))
                .singleElement()
                .satisfies(event -> assertThat(event.get("decision").asString()).isEqualTo("expired"));
        assertThat(events)
                .filteredOn(event -> event.get("type").asString().equals("tool.result"))
                .last()
                .satisfies(event -> {
                    assertThat(event.get("ok").asBoolean()).isFalse();
                    assertThat(event.get("output").asString()).startsWith("denied by system: ");
                });
        var decidedAgain = send(HttpRequest.newBuilder(uri("/api/v1/tasks/" + id + "/approvals/"
                        + approval.get("id").asString()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"approve\"}"))
                .build());
        assertThat(decidedAgain.statusCode()).isEqualTo(409);
    }

    private java.util.List<JsonNode> events(String id) {
        return StreamSupport.stream(
                        parse(get("/api/v1/tasks/" + id + "/events", "application/json"))
                                .get("events")
                                .spliterator(),
                        false)
                .toList();
    }
}
