package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task whose worker died (its lease expired) goes back to the queue and is resumed by any live worker;
 * one already recovered {@code navi.agent.max-recoveries} times is failed, with its terminal event.
 */
@UsesAnthropicSim
class WorkerLeaseIT extends NaviIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void whenARunningTaskLeaseExpiresThenAnotherWorkerResumesIt() {
        var workspace = NaviHome.workspace("orphan-" + UUID.randomUUID(), "a.txt", "a\n");
        var id = orphan("[sim:slow-turn] orphan " + UUID.randomUUID(), workspace, 0);

        var finished = awaitFinished(id.toString());

        assertThat(finished.get("status").asString()).isEqualTo("succeeded");
        var events = parse(get("/api/v1/tasks/" + id + "/events", "application/json"));
        assertThat(events.get("events"))
                .extracting(e -> e.get("type").asString())
                .containsExactly("task.resumed", "llm.request", "llm.response", "task.succeeded");
        var resumed = events.get("events").get(0);
        assertThat(resumed.get("previousWorker").asString()).isEqualTo("worker-gone");
        assertThat(resumed.get("attempt").asInt()).isEqualTo(2);
        assertThat(resumed.get("lastSeq").asLong()).isZero();
    }

    @Test
    void whenARunningTaskLeaseExpiresAfterItsLastRecoveryThenItFailsAsWorkerLost() {
        var id = orphan("orphan", "x", 3);

        var finished = awaitFinished(id.toString());

        assertThat(finished.get("status").asString()).isEqualTo("failed");
        assertThat(finished.get("stopReason").asString()).isEqualTo("internal_error");
        assertThat(finished.get("error").get("class").asString()).isEqualTo("worker_lost");
        var events = parse(get("/api/v1/tasks/" + id + "/events", "application/json"));
        assertThat(events.get("events"))
                .extracting(e -> e.get("type").asString())
                .containsExactly("task.failed");
    }

    private UUID orphan(String prompt, String workspace, int recoveries) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into tasks (id, tenant, owner, status, prompt, workspace, limits, created_at, started_at,
                                           worker_id, lease_expires_at, recoveries)
                        values (:id, 'default', 'anonymous', 'running', :prompt, cast(:workspace as jsonb),
                                '{"maxIterations": 5, "maxDurationSeconds": 60, "maxTokens": 100000, "maxCostUsd": 1}',
                                :now, :now, 'worker-gone', :expired, :recoveries)""")
                .param("id", id)
                .param("prompt", prompt)
                .param("workspace", "{\"path\": \"" + workspace + "\"}")
                .param("now", Timestamp.from(Instant.now()))
                .param("expired", Timestamp.from(Instant.now().minusSeconds(5)))
                .param("recoveries", recoveries)
                .update();
        return id;
    }
}
