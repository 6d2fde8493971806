package dev.navi.events.internal;

import dev.navi.events.TaskEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code task_events} table: append with the next per-task sequence number, read in order. */
@Repository
class EventStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    EventStore(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Stores the event in the caller's transaction (or a new one) and returns its sequence number. Every
     * replica is notified in the same transaction, so it hears of the event once it is committed.
     */
    long append(UUID taskId, String type, Instant ts, JsonNode data) {
        Long seq = transactions.execute(status -> {
            long next = jdbc.sql("""
                            insert into task_event_sequences (task_id, last_seq) values (:task, 1)
                            on conflict (task_id) do update set last_seq = task_event_sequences.last_seq + 1
                            returning last_seq""").param("task", taskId).query(Long.class).single();
            jdbc.sql("""
                            insert into task_events (task_id, seq, type, ts, data)
                            values (:task, :seq, :type, :ts, cast(:data as jsonb))""")
                    .param("task", taskId)
                    .param("seq", next)
                    .param("type", type)
                    .param("ts", Timestamp.from(ts))
                    .param("data", json.writeValueAsString(data))
                    .update();
            PgTaskSignals.send(jdbc, new TaskSignal.EventCommitted(taskId, next));
            return next;
        });
        return seq;
    }

    /**
     * Stores the event only while the task is {@code running} under {@code leaseEpoch}: one statement
     * checks the lease (holding the task row against a concurrent claim until this transaction ends),
     * takes the next sequence number and inserts. Empty when the lease is no longer held: nothing was
     * written, not even a sequence number. Like {@link #append}, every replica is notified on commit.
     */
    Optional<Long> appendFenced(UUID taskId, long leaseEpoch, String type, Instant ts, JsonNode data) {
        return transactions.execute(status -> {
            var seq = fencedInsert(taskId, leaseEpoch, type, ts, data);
            seq.ifPresent(next -> PgTaskSignals.send(jdbc, new TaskSignal.EventCommitted(taskId, next)));
            return seq;
        });
    }

    private Optional<Long> fencedInsert(UUID taskId, long leaseEpoch, String type, Instant ts, JsonNode data) {
        return jdbc.sql("""
                        with fence as (
                                 select id from tasks
                                 where id = :task and lease_epoch = :epoch and status = 'running' for share),
                             next as (
                                 insert into task_event_sequences (task_id, last_seq) select id, 1 from fence
                                 on conflict (task_id) do update set last_seq = task_event_sequences.last_seq + 1
                                 returning last_seq)
                        insert into task_events (task_id, seq, type, ts, data)
                        select :task, last_seq, :type, :ts, cast(:data as jsonb) from next
                        returning seq""")
                .param("task", taskId)
                .param("epoch", leaseEpoch)
                .param("type", type)
                .param("ts", Timestamp.from(ts))
                .param("data", json.writeValueAsString(data))
                .query(Long.class)
                .optional();
    }

    long lastSeq(UUID taskId) {
        return jdbc.sql("select last_seq from task_event_sequences where task_id = :task")
                .param("task", taskId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    List<StoredEvent> after(UUID taskId, long afterSeq, int limit) {
        return jdbc.sql("""
                        select seq, type, ts, data::text as data from task_events
                        where task_id = :task and seq > :after order by seq limit :limit""")
                .param("task", taskId)
                .param("after", afterSeq)
                .param("limit", limit)
                .query((rs, row) -> new StoredEvent(
                        taskId,
                        rs.getLong("seq"),
                        rs.getString("type"),
                        rs.getTimestamp("ts").toInstant(),
                        json.readTree(rs.getString("data"))))
                .list();
    }

    /** Whether the task has ended with an event at or before {@code seq}: nothing can follow it. */
    boolean endedAtOrBefore(UUID taskId, long seq) {
        return jdbc.sql("""
                        select type from task_events where task_id = :task and seq <= :seq
                        order by seq desc limit 1""")
                .param("task", taskId)
                .param("seq", seq)
                .query(String.class)
                .optional()
                .filter(TaskEvent::isTerminal)
                .isPresent();
    }
}
