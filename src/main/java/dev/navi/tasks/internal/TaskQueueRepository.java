package dev.navi.tasks.internal;

import dev.navi.events.TaskEvent;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskOutcome;
import dev.navi.tasks.TaskQueue;
import dev.navi.tasks.TaskUsage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class TaskQueueRepository implements TaskQueue {

    /** The advisory lock key that serialises claims (any constant no other lock uses). */
    private static final long CLAIM_LOCK = 0x4e_41_56_49_43_4c_41_4dL;

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TenantQuotas quotas;

    TaskQueueRepository(
            JdbcClient jdbc, TaskRows rows, ApplicationEventPublisher events, Clock clock, TenantQuotas quotas) {
        this.quotas = quotas;
        this.jdbc = jdbc;
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<Task> find(UUID taskId) {
        return jdbc.sql("select " + TaskRows.COLUMNS + " from tasks where id = :id")
                .param("id", taskId)
                .query(rows)
                .optional();
    }

    /**
     * Claims run one at a time across all processes (a transaction-scoped advisory lock): each claim's
     * count of a tenant's running tasks sees every earlier claim committed, so no two claimers can take
     * a tenant past its running quota together. A claim is one short statement.
     */
    @Override
    @Transactional
    public Optional<ClaimedTask> claimNext(String workerId, Duration lease) {
        var now = now();
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", CLAIM_LOCK)
                .query((rs, row) -> 1)
                .single();
        var claimed = jdbc.sql("""
                        with quota (tenant, max_running) as (
                                 select * from unnest(cast(:quotaTenants as text[]), cast(:quotaLimits as int[]))),
                             running (tenant, tasks) as (
                                 select tenant, count(*) from tasks where status = 'running' group by tenant)
                        update tasks set status = 'running', started_at = :now, worker_id = :worker,
                                         lease_expires_at = :leaseEnd
                        where id = (select q.id from tasks q
                                    left join running r on r.tenant = q.tenant
                                    left join quota l on l.tenant = q.tenant
                                    where q.status = 'queued'
                                      and coalesce(r.tasks, 0) < coalesce(l.max_running, :defaultMaxRunning)
                                    order by q.created_at, q.id limit 1 for update of q skip locked)
                        """ + "returning " + TaskRows.COLUMNS)
                .param("quotaTenants", quotas.runningOverrideTenants())
                .param("quotaLimits", quotas.runningOverrideLimits())
                .param("defaultMaxRunning", quotas.defaultMaxRunning())
                .param("now", Timestamp.from(now))
                .param("worker", workerId)
                .param("leaseEnd", Timestamp.from(now.plus(lease)))
                .query(rows)
                .optional();
        claimed.ifPresent(task -> events.publishEvent(new TaskEvent.TaskStarted(task.id(), task.model(), workerId)));
        return claimed.map(task -> new ClaimedTask(task, workerId));
    }

    @Override
    public void recordProgress(UUID taskId, int iterations, TaskUsage usage, Duration lease) {
        jdbc.sql("""
                        update tasks set iterations = :iterations, input_tokens = :input, output_tokens = :output,
                                         cost_usd = :cost, llm_calls = :calls, lease_expires_at = :leaseEnd
                        where id = :id and status = 'running'""")
                .param("iterations", iterations)
                .param("input", usage.inputTokens())
                .param("output", usage.outputTokens())
                .param("cost", usage.costUsd())
                .param("calls", usage.llmCalls())
                .param("leaseEnd", Timestamp.from(now().plus(lease)))
                .param("id", taskId)
                .update();
    }

    @Override
    @Transactional
    public void finish(UUID taskId, TaskOutcome outcome) {
        var reason = outcome.stopReason();
        var usage = outcome.usage();
        var error = outcome.error();
        int updated = jdbc.sql("""
                        update tasks set status = :status, stop_reason = :reason, summary = :summary,
                                         finished_at = :now, iterations = :iterations, input_tokens = :input,
                                         output_tokens = :output, cost_usd = :cost, llm_calls = :calls,
                                         error_class = :errorClass, error_message = :errorMessage, diff = :diff,
                                         worker_id = null, lease_expires_at = null
                        where id = :id and status = 'running'""")
                .param("status", reason.finalStatus().wireName())
                .param("reason", reason.wireName())
                .param("summary", outcome.summary())
                .param("now", Timestamp.from(now()))
                .param("iterations", outcome.iterations())
                .param("input", usage.inputTokens())
                .param("output", usage.outputTokens())
                .param("cost", usage.costUsd())
                .param("calls", usage.llmCalls())
                .param("errorClass", error == null ? null : error.errorClass())
                .param("errorMessage", error == null ? null : error.message())
                .param("diff", outcome.diff())
                .param("id", taskId)
                .update();
        if (updated == 1) {
            events.publishEvent(terminalEvent(taskId, outcome));
        }
    }

    private static TaskEvent terminalEvent(UUID taskId, TaskOutcome outcome) {
        var totals = TaskTotalsMapper.totals(outcome.iterations(), outcome.usage());
        var reason = outcome.stopReason();
        return switch (reason.finalStatus()) {
            case SUCCEEDED -> new TaskEvent.TaskSucceeded(taskId, reason.wireName(), outcome.summary(), totals);
            case CANCELLED -> new TaskEvent.TaskCancelled(taskId, reason.wireName(), totals);
            case FAILED, QUEUED, RUNNING ->
                new TaskEvent.TaskFailed(
                        taskId,
                        reason.wireName(),
                        outcome.error() == null
                                ? reason.wireName()
                                : outcome.error().errorClass(),
                        outcome.error() == null ? null : outcome.error().message(),
                        totals);
        };
    }

    @Override
    public void renewLeases(String workerId, Collection<UUID> taskIds, Duration lease) {
        if (taskIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update tasks set lease_expires_at = :leaseEnd
                        where worker_id = :worker and status = 'running' and id = any(:ids)""")
                .param("leaseEnd", Timestamp.from(now().plus(lease)))
                .param("worker", workerId)
                .param("ids", taskIds.toArray(UUID[]::new))
                .update();
    }

    @Override
    public Set<UUID> cancellationRequested(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from tasks where cancel_requested and id = any(:ids)")
                .param("ids", taskIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    @Override
    @Transactional
    public int failAbandoned() {
        var abandoned = jdbc.sql("""
                        select id, iterations, input_tokens, output_tokens, cost_usd, llm_calls from tasks
                        where status = 'running' and lease_expires_at < :now for update skip locked""")
                .param("now", Timestamp.from(now()))
                .query((rs, row) -> new Abandoned(
                        rs.getObject("id", UUID.class),
                        rs.getInt("iterations"),
                        new TaskUsage(
                                rs.getLong("input_tokens"),
                                rs.getLong("output_tokens"),
                                TaskRows.cost(rs.getBigDecimal("cost_usd")),
                                rs.getInt("llm_calls"))))
                .list();
        for (var task : abandoned) {
            finish(
                    task.id(),
                    new TaskOutcome(
                            StopReason.INTERNAL_ERROR,
                            null,
                            new dev.navi.tasks.TaskError(
                                    "worker_lost", "The worker running this task stopped before it ended"),
                            task.iterations(),
                            task.usage(),
                            null));
        }
        return abandoned.size();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Abandoned(UUID id, int iterations, TaskUsage usage) {}
}
