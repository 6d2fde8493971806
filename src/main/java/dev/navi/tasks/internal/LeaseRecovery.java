package dev.navi.tasks.internal;

import dev.navi.tasks.Lease;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.TaskError;
import dev.navi.tasks.TaskOutcome;
import dev.navi.tasks.TaskUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases that ended without their task finishing: the rows are locked under the lease they were held
 * by, then the task goes back to the queue (counted by cause) or, past its recoveries, fails.
 */
@Component
class LeaseRecovery {

    private static final String HELD_COLUMNS =
            "id, worker_id, lease_epoch, recoveries, iterations, input_tokens, output_tokens, cost_usd, llm_calls";

    /** Why a task went back to the queue; the label of {@code navi.task.recoveries}. */
    enum Cause {
        LEASE_EXPIRED,
        HANDED_BACK;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A running task's lease with what its row holds, the row locked. */
    record Held(Lease lease, int recoveries, int iterations, TaskUsage usage) {

        TaskOutcome lost(int maxRecoveries) {
            return new TaskOutcome(
                    StopReason.INTERNAL_ERROR,
                    null,
                    new TaskError(
                            "worker_lost",
                            "The task's worker stopped before it ended, and it was resumed " + maxRecoveries
                                    + " times already"),
                    iterations,
                    usage,
                    null);
        }
    }

    private final JdbcClient jdbc;
    private final Map<Cause, Counter> recoveries = new EnumMap<>(Cause.class);

    LeaseRecovery(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (var cause : Cause.values()) {
            recoveries.put(
                    cause,
                    Counter.builder("navi.task.recoveries")
                            .description("Running tasks put back in the queue to be resumed, by cause")
                            .tag("cause", cause.label())
                            .register(registry));
        }
    }

    /** Running tasks whose lease ended before {@code now}, locked (others' locked rows skipped). */
    List<Held> expired(Instant now) {
        return jdbc.sql("select " + HELD_COLUMNS + """
                         from tasks where status = 'running' and lease_expires_at < :now
                        for update skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> held(rs))
                .list();
    }

    /** The task locked, while it is running under this lease. */
    Optional<Held> held(Lease lease) {
        return jdbc.sql("select " + HELD_COLUMNS + """
                         from tasks where id = :id and lease_epoch = :epoch and status = 'running'
                        for update""")
                .param("id", lease.taskId())
                .param("epoch", lease.epoch())
                .query((rs, row) -> held(rs))
                .optional();
    }

    /** Back to the queue, the lease released; the next claim moves the epoch on. */
    void requeue(Held held, Cause cause) {
        jdbc.sql("""
                        update tasks set status = 'queued', last_worker = worker_id, worker_id = null,
                                         lease_expires_at = null, recoveries = recoveries + 1
                        where id = :id and lease_epoch = :epoch and status = 'running'""")
                .param("id", held.lease().taskId())
                .param("epoch", held.lease().epoch())
                .update();
        recoveries.get(cause).increment();
    }

    private static Held held(ResultSet rs) throws SQLException {
        var lease =
                new Lease(rs.getObject("id", UUID.class), rs.getString("worker_id"), rs.getLong("lease_epoch"), null);
        var usage = new TaskUsage(
                rs.getLong("input_tokens"),
                rs.getLong("output_tokens"),
                TaskRows.cost(rs.getBigDecimal("cost_usd")),
                rs.getInt("llm_calls"));
        return new Held(lease, rs.getInt("recoveries"), rs.getInt("iterations"), usage);
    }
}
