package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A task whose worker died (its lease expired) is failed by any live worker, with its terminal event. */
@UsesAnthropicSim
class WorkerLeaseIT extends NaviIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void whenARunningTaskLeaseExpiresThenItFailsAsWorkerLost() {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into tasks (id, tenant, owner, status, prompt, workspace, limits, created_at, started_at,
                                           worker_id, lease_expires_at)
                        values (:id, 'default', 'anonymous', 'running', 'orphan', '{"path": "x"}',
                                '{"maxIterations": 1, "maxDurationSeconds": 60, "maxTokens": 10, "maxCostUsd": 1}',
                                :now, :now, 'worker-gone', :expired)""")
                .param("id", id)
                .param("now", Timestamp.from(Instant.now()))
                .param("expired", Timestamp.from(Instant.now().minusSeconds(5)))
                .update();

        var finished = awaitFinished(id.toString());

        assertThat(finished.get("status").asString()).isEqualTo("failed");
        assertThat(finished.get("stopReason").asString()).isEqualTo("internal_error");
        assertThat(finished.get("error").get("class").asString()).isEqualTo("worker_lost");
        var events = parse(get("/api/v1/tasks/" + id + "/events", "application/json"));
        assertThat(events.get("events"))
                .extracting(e -> e.get("type").asString())
                .containsExactly("task.failed");
    }
}
