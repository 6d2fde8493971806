package dev.navi.observability.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code error_events} table: one row per fingerprint, reopened when its problem recurs. */
@Repository
class ErrorEventStore {

    private static final String COLUMNS = """
            id, fingerprint, error_class, severity, component, task_id, message, first_seen, last_seen, count,
            resolved, resolved_at""";

    private final JdbcClient jdbc;

    ErrorEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(ErrorEvent event) {
        jdbc.sql("""
                        insert into error_events (id, fingerprint, error_class, severity, component, task_id, message,
                                                  first_seen, last_seen)
                        values (:id, :fingerprint, :class, :severity, :component, :task, :message, :at, :at)
                        on conflict (fingerprint) do update set
                            count = error_events.count + 1,
                            last_seen = greatest(error_events.last_seen, excluded.last_seen),
                            message = excluded.message,
                            severity = excluded.severity,
                            task_id = excluded.task_id,
                            resolved = false,
                            resolved_at = null""")
                .param("id", UUID.randomUUID())
                .param("fingerprint", event.fingerprint())
                .param("class", event.errorClass())
                .param("severity", event.severity().wireName())
                .param("component", event.component())
                .param("task", event.taskId())
                .param("message", event.message())
                .param("at", Timestamp.from(event.occurredAt()))
                .update();
    }

    /** Most recently seen first; {@code resolved} null means both. */
    List<ErrorEventRow> page(Boolean resolved, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from error_events"
                        + " where (cast(:resolved as boolean) is null or resolved = :resolved)"
                        + " order by last_seen desc, id limit :limit offset :offset")
                .param("resolved", resolved, Types.BOOLEAN)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(ErrorEventStore::row)
                .list();
    }

    long count(Boolean resolved) {
        return jdbc.sql("select count(*) from error_events"
                        + " where (cast(:resolved as boolean) is null or resolved = :resolved)")
                .param("resolved", resolved, Types.BOOLEAN)
                .query(Long.class)
                .single();
    }

    /** Marks it resolved; resolving again keeps the first resolution time. */
    Optional<ErrorEventRow> resolve(UUID id, Instant at) {
        return jdbc.sql("update error_events set resolved = true,"
                        + " resolved_at = case when resolved then resolved_at else :at end"
                        + " where id = :id returning " + COLUMNS)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .query(ErrorEventStore::row)
                .optional();
    }

    private static ErrorEventRow row(ResultSet rs, int row) throws SQLException {
        return new ErrorEventRow(
                rs.getObject("id", UUID.class),
                rs.getString("fingerprint"),
                rs.getString("error_class"),
                rs.getString("severity"),
                rs.getString("component"),
                rs.getObject("task_id", UUID.class),
                rs.getString("message"),
                rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(),
                rs.getLong("count"),
                rs.getBoolean("resolved"),
                rs.getTimestamp("resolved_at") == null
                        ? null
                        : rs.getTimestamp("resolved_at").toInstant());
    }
}
