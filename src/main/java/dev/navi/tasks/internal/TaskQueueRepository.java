package dev.navi.tasks.internal;

import dev.navi.events.LeaseLostException;
import dev.navi.events.TaskEvent;
import dev.navi.tasks.ApprovalRequest;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.Lease;
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
    private final LeaseRecovery leases;
    private final ApprovalRows approvals;

    TaskQueueRepository(
            JdbcClient jdbc,
            TaskRows rows,
            ApplicationEventPublisher events,
            Clock clock,
            TenantQuotas quotas,
            LeaseRecovery leases,
            ApprovalRows approvals) {
        this.approvals = approvals;
        this.quotas = quotas;
        this.leases = leases;
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
     * a tenant past its running quota together. A claim is one short statement; it moves the task's
     * lease epoch on, which fences off every write of an earlier holder. A task's first claim sets its
     * start time: the wall-clock limit counts across attempts.
     */
    @Override
    @Transactional
    public Optional<ClaimedTask> claimNext(String workerId, Duration lease) {
        var now = now();
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", CLAIM_LOCK)
                .query((rs, row) -> 1)
                .single();
        var leaseEnd = now.plus(lease);
        var claimed = jdbc.sql(
                        """
                        with quota (tenant, max_running) as (
                                 select * from unnest(cast(:quotaTenants as text[]), cast(:quotaLimits as int[]))),
                             running (tenant, tasks) as (
                                 select tenant, count(*) from tasks where status = 'running' group by tenant)
                        update tasks set status = 'running', started_at = coalesce(started_at, :now),
                                         worker_id = :worker, lease_expires_at = :leaseEnd,
                                         lease_epoch = lease_epoch + 1
                        where id = (select q.id from tasks q
                                    left join running r on r.tenant = q.tenant
                                    left join quota l on l.tenant = q.tenant
                                    where q.status = 'queued'
                                      and coalesce(r.tasks, 0) < coalesce(l.max_running, :defaultMaxRunning)
                                    order by q.created_at, q.id limit 1 for update of q skip locked)
                        """ + "returning lease_epoch, recoveries, approval_waits, last_worker, " + TaskRows.COLUMNS)
                .param("quotaTenants", quotas.runningOverrideTenants())
                .param("quotaLimits", quotas.runningOverrideLimits())
                .param("defaultMaxRunning", quotas.defaultMaxRunning())
                .param("now", Timestamp.from(now))
                .param("worker", workerId)
                .param("leaseEnd", Timestamp.from(leaseEnd))
                .query((rs, row) -> {
                    var task = rows.mapRow(rs, row);
                    return new ClaimedTask(
                            task,
                            new Lease(task.id(), workerId, rs.getLong("lease_epoch"), leaseEnd),
                            rs.getInt("recoveries") + rs.getInt("approval_waits") + 1,
                            rs.getString("last_worker"));
                })
                .optional();
        claimed.filter(task -> !task.resumed())
                .ifPresent(task -> events.publishEvent(
                        new TaskEvent.TaskStarted(task.task().id(), task.task().model(), workerId)));
        return claimed;
    }

    @Override
    public void recordProgress(Lease lease, int iterations, TaskUsage usage, Duration extension) {
        int updated = jdbc.sql("""
                        update tasks set iterations = :iterations, input_tokens = :input, output_tokens = :output,
                                         cost_usd = :cost, llm_calls = :calls, lease_expires_at = :leaseEnd
                        where id = :id and lease_epoch = :epoch and status = 'running'""")
                .param("iterations", iterations)
                .param("input", usage.inputTokens())
                .param("output", usage.outputTokens())
                .param("cost", usage.costUsd())
                .param("calls", usage.llmCalls())
                .param("leaseEnd", Timestamp.from(now().plus(extension)))
                .param("id", lease.taskId())
                .param("epoch", lease.epoch())
                .update();
        if (updated == 0) {
            throw new LeaseLostException(lease.taskId(), lease.epoch(), "progress");
        }
    }

    @Override
    @Transactional
    public void finish(Lease lease, TaskOutcome outcome) {
        // published first: the events the worker published before it in this transaction are stored
        // (under its lease) before the status they are fenced by changes; all of it commits or none
        events.publishEvent(terminalEvent(lease.taskId(), outcome));
        var reason = outcome.stopReason();
        var usage = outcome.usage();
        var error = outcome.error();
        int updated = jdbc.sql("""
                        update tasks set status = :status, stop_reason = :reason, summary = :summary,
                                         finished_at = :now, iterations = :iterations, input_tokens = :input,
                                         output_tokens = :output, cost_usd = :cost, llm_calls = :calls,
                                         error_class = :errorClass, error_message = :errorMessage, diff = :diff,
                                         last_worker = worker_id, worker_id = null, lease_expires_at = null
                        where id = :id and lease_epoch = :epoch and status = 'running'""")
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
                .param("id", lease.taskId())
                .param("epoch", lease.epoch())
                .update();
        if (updated == 0) {
            throw new LeaseLostException(lease.taskId(), lease.epoch(), "the final state");
        }
    }

    private static TaskEvent terminalEvent(UUID taskId, TaskOutcome outcome) {
        var totals = TaskTotalsMapper.totals(outcome.iterations(), outcome.usage());
        var reason = outcome.stopReason();
        return switch (reason.finalStatus()) {
            case SUCCEEDED -> new TaskEvent.TaskSucceeded(taskId, reason.wireName(), outcome.summary(), totals);
            case CANCELLED -> new TaskEvent.TaskCancelled(taskId, reason.wireName(), totals);
            case FAILED, QUEUED, RUNNING, WAITING_APPROVAL ->
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
    @Transactional
    public void handBack(Lease lease, int maxRecoveries) {
        var held = leases.held(lease)
                .orElseThrow(() -> new LeaseLostException(lease.taskId(), lease.epoch(), "hand back"));
        recover(held, maxRecoveries, LeaseRecovery.Cause.HANDED_BACK);
    }

    @Override
    @Transactional
    public void awaitApproval(Lease lease, ApprovalRequest request) {
        int updated = jdbc.sql("""
                        update tasks set status = 'waiting_approval', last_worker = worker_id, worker_id = null,
                                         lease_expires_at = null, approval_waits = approval_waits + 1
                        where id = :id and lease_epoch = :epoch and status = 'running'""")
                .param("id", lease.taskId())
                .param("epoch", lease.epoch())
                .update();
        if (updated == 0) {
            throw new LeaseLostException(lease.taskId(), lease.epoch(), "the approval request");
        }
        approvals.insertPending(lease.taskId(), request, now());
        events.publishEvent(new TaskEvent.ApprovalRequested(
                lease.taskId(),
                request.id(),
                request.iteration(),
                request.toolCallId(),
                request.tool(),
                request.arguments(),
                request.expiresAt()));
    }

    @Override
    public Set<UUID> renewLeases(Collection<Lease> held, Duration extension) {
        if (held.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        update tasks t set lease_expires_at = :leaseEnd
                        from unnest(cast(:ids as uuid[]), cast(:epochs as bigint[])) as l (id, epoch)
                        where t.id = l.id and t.lease_epoch = l.epoch and t.status = 'running'
                        returning t.id""")
                .param("leaseEnd", Timestamp.from(now().plus(extension)))
                .param("ids", held.stream().map(Lease::taskId).toArray(UUID[]::new))
                .param("epochs", held.stream().map(Lease::epoch).toArray(Long[]::new))
                .query(UUID.class)
                .list());
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
    public int recoverAbandoned(int maxRecoveries) {
        var expired = leases.expired(now());
        expired.forEach(held -> recover(held, maxRecoveries, LeaseRecovery.Cause.LEASE_EXPIRED));
        return expired.size();
    }

    /** In the caller's transaction, with the task's row locked under the lease. */
    private void recover(LeaseRecovery.Held held, int maxRecoveries, LeaseRecovery.Cause cause) {
        if (held.recoveries() >= maxRecoveries) {
            finish(held.lease(), held.lost(maxRecoveries));
        } else {
            leases.requeue(held, cause);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
