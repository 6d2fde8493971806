package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker with room claims in the submission's own transaction: the task is running when its 201 is
 * answered, and its {@code task.started} was stored by the same transaction as its {@code task.queued}.
 */
@UsesAnthropicSim
class ClaimWithSubmissionIT extends NaviIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void whenTheWorkerHasRoomThenTheSubmissionsTransactionStartsTheTask() {
        await().atMost(Duration.ofSeconds(60)).until(() -> WorkerRoom.freeAndNothingQueued(jdbc, environment));
        var workspace = NaviHome.workspace("claim-" + UUID.randomUUID(), "a.txt", "a\n");

        var id = UUID.fromString(submit("slow-turn", workspace, null).get("id").asString());

        assertThat(jdbc.sql("select status from tasks where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .as("claimed before the 201 was answered")
                .isEqualTo("running");
        var firstTwo = jdbc.sql(
                        "select type, xmin::text from task_events where task_id = :id and seq <= 2 order by seq")
                .param("id", id)
                .query((rs, row) -> rs.getString(1) + "@" + rs.getString(2))
                .list();
        assertThat(firstTwo).hasSize(2);
        assertThat(firstTwo.getFirst()).startsWith("task.queued@");
        assertThat(firstTwo.getLast())
                .as("stored by the submission's transaction")
                .isEqualTo("task.started@" + firstTwo.getFirst().substring("task.queued@".length()));
        assertThat(awaitFinished(id.toString()).get("status").asString()).isEqualTo("succeeded");
    }
}
