package dev.navi.tasks.internal;

import dev.navi.events.TaskEvent;
import dev.navi.events.TaskSignals;
import dev.navi.llm.LlmGateway;
import dev.navi.security.Caller;
import dev.navi.tasks.ApprovalMode;
import dev.navi.tasks.NewTask;
import dev.navi.tasks.QueueDepth;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskAlreadyFinishedException;
import dev.navi.tasks.TaskCancellationRequested;
import dev.navi.tasks.TaskLimits;
import dev.navi.tasks.TaskNotFoundException;
import dev.navi.tasks.TaskPage;
import dev.navi.tasks.TaskStatus;
import dev.navi.tasks.Tasks;
import dev.navi.workspace.Workspaces;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class TaskCatalog implements Tasks {

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final SubmissionRules rules;
    private final Workspaces workspaces;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LlmGateway llm;
    private final TransactionTemplate transactions;
    private final TenantQuotas quotas;
    private final TaskAudit audit;
    private final TaskSignals signals;
    private final ApprovalRows approvalRows;

    TaskCatalog(
            JdbcClient jdbc,
            TaskRows rows,
            SubmissionRules rules,
            Workspaces workspaces,
            ApplicationEventPublisher events,
            Clock clock,
            LlmGateway llm,
            TransactionTemplate transactions,
            TenantQuotas quotas,
            TaskAudit audit,
            TaskSignals signals,
            ApprovalRows approvalRows) {
        this.approvalRows = approvalRows;
        this.signals = signals;
        this.quotas = quotas;
        this.audit = audit;
        this.llm = llm;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.rows = rows;
        this.rules = rules;
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The workspace check may ask a git server: it runs before the transaction, holding no connection.
     * The quota check and the insert share one transaction holding the tenant's lock, so concurrent
     * submissions cannot pass the quota together.
     */
    @Override
    public Task submit(Caller caller, NewTask request) {
        var prompt = rules.prompt(request);
        var model = rules.model(request) != null ? rules.model(request) : defaultModel();
        var limits = rules.limits(request);
        var approvals = rules.approvals(request);
        rules.requireEnforceableCostLimit(request, model, llm.priced(model));
        workspaces.validate(caller.tenant(), request.workspace());
        return transactions.execute(status -> {
            quotas.requireQueueRoom(caller.tenant());
            return insert(caller, request, prompt, model, limits, approvals);
        });
    }

    private Task insert(
            Caller caller, NewTask request, String prompt, String model, TaskLimits limits, ApprovalMode approvals) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into tasks (id, tenant, owner, status, prompt, model, workspace, limits, created_at,
                                           approvals)
                        values (:id, :tenant, :owner, 'queued', :prompt, :model, cast(:workspace as jsonb),
                                cast(:limits as jsonb), :createdAt, :approvals)""")
                .param("approvals", approvals.wireName())
                .param("id", id)
                .param("tenant", caller.tenant())
                .param("owner", caller.subject())
                .param("prompt", prompt)
                .param("model", model)
                .param("workspace", rows.workspaceJson(request.workspace()))
                .param("limits", rows.limitsJson(limits))
                .param("createdAt", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        events.publishEvent(
                new TaskEvent.TaskQueued(id, caller.subject(), prompt, model, TaskRows.describe(request.workspace())));
        audit.submitted(caller, id, model);
        return find(caller, id).orElseThrow();
    }

    /** The model a task runs on when it names none: recorded at submission, so the task shows it. */
    private String defaultModel() {
        var model = llm.defaultModel();
        return model == null || model.isBlank() ? null : model;
    }

    @Override
    public Optional<Task> find(Caller caller, UUID id) {
        var scope = TenantScope.of(caller);
        return scope.bind(jdbc.sql("select " + TaskRows.COLUMNS + " from tasks where id = :id" + scope.and()))
                .param("id", id)
                .query(rows)
                .optional();
    }

    @Override
    public TaskPage list(Caller caller, String tenant, TaskStatus status, String cursor, Integer limit) {
        int size = rules.pageSize(limit);
        var after = cursor == null ? null : TaskCursor.decode(cursor);
        var scope = TenantScope.listing(caller, tenant);
        var sql = new StringBuilder("select " + TaskRows.COLUMNS + " from tasks where true" + scope.and());
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (:afterCreated, :afterId)");
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        var query = scope.bind(jdbc.sql(sql.toString())).param("limit", size + 1);
        if (status != null) {
            query = query.param("status", status.wireName());
        }
        if (after != null) {
            query = query.param("afterCreated", Timestamp.from(after.createdAt()))
                    .param("afterId", after.id());
        }
        var items = query.query(rows).list();
        if (items.size() <= size) {
            return new TaskPage(items, null);
        }
        var page = items.subList(0, size);
        var last = page.getLast();
        return new TaskPage(page, new TaskCursor(last.createdAt(), last.id()).encode());
    }

    @Override
    public Task cancel(Caller caller, UUID id) {
        return transactions.execute(status -> cancelInTransaction(caller, id));
    }

    private Task cancelInTransaction(Caller caller, UUID id) {
        var scope = TenantScope.of(caller);
        var task = scope.bind(jdbc.sql(
                        "select " + TaskRows.COLUMNS + " from tasks where id = :id" + scope.and() + " for update"))
                .param("id", id)
                .query(rows)
                .optional()
                .orElseThrow(() -> new TaskNotFoundException(id));
        switch (task.status()) {
            case QUEUED -> cancelQueued(task);
            case WAITING_APPROVAL -> {
                cancelQueued(task);
                approvalRows.closeForCancelledTask(task.id(), caller.subject(), now());
            }
            case RUNNING -> requestCancellation(task);
            case CANCELLED -> {}
            case SUCCEEDED, FAILED -> throw new TaskAlreadyFinishedException(task);
        }
        audit.cancelled(caller, id, task.status().wireName());
        return find(caller, id).orElseThrow();
    }

    private void cancelQueued(Task task) {
        jdbc.sql("""
                        update tasks set status = 'cancelled', stop_reason = :reason, finished_at = :now
                        where id = :id""")
                .param("reason", StopReason.CANCELLED.wireName())
                .param("now", Timestamp.from(now()))
                .param("id", task.id())
                .update();
        events.publishEvent(new TaskEvent.TaskCancelled(
                task.id(), StopReason.CANCELLED.wireName(), TaskTotalsMapper.totals(task.iterations(), task.usage())));
    }

    private void requestCancellation(Task task) {
        jdbc.sql("update tasks set cancel_requested = true where id = :id")
                .param("id", task.id())
                .update();
        events.publishEvent(new TaskCancellationRequested(task.id()));
        signals.cancellationRequested(task.id());
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Optional<String> storedDiff(Caller caller, UUID id) {
        var scope = TenantScope.of(caller);
        return scope.bind(jdbc.sql("select diff from tasks where id = :id" + scope.and()))
                .param("id", id)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<String> checkpointDiff(Caller caller, UUID id, long seq) {
        var scope = TenantScope.of(caller);
        boolean visible = scope.bind(jdbc.sql("select count(*) from tasks where id = :id" + scope.and()))
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!visible) {
            throw new TaskNotFoundException(id);
        }
        return workspaces.checkpointDiff(id, seq);
    }

    @Override
    public QueueDepth queueDepth() {
        return jdbc.sql("""
                        select count(*) filter (where status = 'queued') as queued,
                               count(*) filter (where status = 'running') as running
                        from tasks where status in ('queued', 'running')""")
                .query((rs, row) -> new QueueDepth(rs.getLong("queued"), rs.getLong("running")))
                .single();
    }
}
