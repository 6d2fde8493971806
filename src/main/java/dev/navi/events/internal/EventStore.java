package dev.navi.events.internal;

import dev.navi.events.TaskEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code task_events} table: append a run of a task's events with the next per-task sequence
 * numbers, read in order. One statement per run: the lease check (when fenced), the sequence numbers for
 * the whole run, the rows and the notification every replica hears on commit ({@link TaskSignal}).
 */
@Repository
class EventStore {

    private static final String STORE_RUN = """
            next as (
                insert into task_event_sequences (task_id, last_seq) select id, :count from owner
                on conflict (task_id) do update set last_seq = task_event_sequences.last_seq + :count
                returning last_seq),
            stored as (
                insert into task_events (task_id, seq, type, ts, data)
                select :task, next.last_seq - :count + e.n, e.event ->> 'type',
                       cast(e.event ->> 'ts' as timestamptz), e.event -> 'data'
                from next, jsonb_array_elements(cast(:events as jsonb)) with ordinality as e(event, n))
            select last_seq, pg_notify(:channel, cast(:task as text) || ':' || last_seq) from next""";

    /** The payload is {@link TaskSignal.EventCommitted}'s encoding, built in SQL for the run's last seq. */
    private static final String UNFENCED = "with owner as (select cast(:task as uuid) as id),\n" + STORE_RUN;

    /** Holds the task row against a concurrent claim until the transaction ends. */
    private static final String FENCED = """
            with owner as (
                select id from tasks where id = :task and lease_epoch = :epoch and status = 'running' for share),
            """ + STORE_RUN;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An event to store: its type, when it happened, its redacted data without the task id. */
    record NewEvent(String type, Instant ts, JsonNode data) {}

    /**
     * Stores {@code events} of the task in order, with consecutive sequence numbers, in the caller's
     * transaction or on its own. With a {@code leaseEpoch}, only while the task is {@code running} under
     * it: empty when the lease is no longer held, and then nothing was written, not even a sequence number.
     *
     * @return the sequence number of the last event of the run
     */
    OptionalLong append(UUID taskId, Long leaseEpoch, List<NewEvent> events) {
        var statement = jdbc.sql(leaseEpoch == null ? UNFENCED : FENCED)
                .param("task", taskId)
                .param("count", events.size())
                .param("events", encode(events))
                .param("channel", TaskSignal.CHANNEL);
        if (leaseEpoch != null) {
            statement = statement.param("epoch", leaseEpoch);
        }
        return statement
                .query((rs, row) -> rs.getLong(1))
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /** One event, unfenced: its sequence number. */
    long append(UUID taskId, String type, Instant ts, JsonNode data) {
        return append(taskId, null, List.of(new NewEvent(type, ts, data))).orElseThrow();
    }

    /** One event, fenced by {@code leaseEpoch}: its sequence number, or empty when the lease is not held. */
    Optional<Long> appendFenced(UUID taskId, long leaseEpoch, String type, Instant ts, JsonNode data) {
        var seq = append(taskId, leaseEpoch, List.of(new NewEvent(type, ts, data)));
        return seq.isPresent() ? Optional.of(seq.getAsLong()) : Optional.empty();
    }

    private String encode(List<NewEvent> events) {
        var array = json.createArrayNode();
        for (var event : events) {
            array.addObject()
                    .put("type", event.type())
                    .put("ts", event.ts().toString())
                    .set("data", event.data());
        }
        return json.writeValueAsString(array);
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
