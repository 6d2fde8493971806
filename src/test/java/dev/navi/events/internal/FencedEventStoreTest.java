package dev.navi.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A fenced append lands only while the task runs under the named epoch, and then takes no sequence number. */
class FencedEventStoreTest {

    private static final DataSource DATA_SOURCE = start();

    private final JdbcClient jdbc = JdbcClient.create(DATA_SOURCE);
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventStore store =
            new EventStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(DATA_SOURCE)), json);
    private final UUID task = UUID.randomUUID();

    @Test
    void whenTheEpochIsTheTasksThenTheEventIsStoredWithTheNextSequenceNumber() {
        runningTask(2);
        store.append(task, "task.started", Instant.now(), json.createObjectNode());

        assertThat(store.appendFenced(task, 2, "llm.request", Instant.now(), json.createObjectNode()))
                .contains(2L);
    }

    @Test
    void whenTheEpochMovedOnThenNothingIsStoredAndNoSequenceNumberIsTaken() {
        runningTask(3);
        store.append(task, "task.started", Instant.now(), json.createObjectNode());

        assertThat(store.appendFenced(task, 2, "llm.request", Instant.now(), json.createObjectNode()))
                .isEmpty();
        assertThat(store.appendFenced(task, 3, "llm.request", Instant.now(), json.createObjectNode()))
                .as("the next stored event follows without a gap")
                .contains(2L);
        assertThat(store.after(task, 0, 10)).extracting(StoredEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void whenEventsAreStoredThenTheLastSeqIsTheLastStoredOneAndARefusedEventTakesNone() {
        runningTask(2);
        assertThat(store.lastSeq(task)).isZero();
        store.append(task, "task.started", Instant.now(), json.createObjectNode());
        store.appendFenced(task, 2, "llm.request", Instant.now(), json.createObjectNode());
        store.appendFenced(task, 1, "llm.request", Instant.now(), json.createObjectNode());

        assertThat(store.lastSeq(task)).isEqualTo(2);
    }

    @Test
    void whenTheTaskIsNoLongerRunningThenTheEventIsRefused() {
        runningTask(1);
        jdbc.sql("update tasks set status = 'queued' where id = :id")
                .param("id", task)
                .update();

        assertThat(store.appendFenced(task, 1, "tool.result", Instant.now(), json.createObjectNode()))
                .isEmpty();
        assertThat(store.after(task, 0, 10)).isEmpty();
    }

    private void runningTask(long epoch) {
        jdbc.sql("""
                        insert into tasks (id, tenant, owner, status, prompt, workspace, limits, created_at, lease_epoch)
                        values (:id, 'default', 'alice', 'running', 'p', '{}', '{}', now(), :epoch)""").param("id", task).param("epoch", epoch).update();
    }

    private static DataSource start() {
        try {
            var postgres = EmbeddedPostgres.builder().start();
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
            return postgres.getPostgresDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
