package dev.navi.tasks.internal;

import dev.navi.events.TaskEvent;
import dev.navi.security.Caller;
import dev.navi.tasks.Approval;
import dev.navi.tasks.ApprovalAlreadyDecidedException;
import dev.navi.tasks.ApprovalDecision;
import dev.navi.tasks.ApprovalForbiddenException;
import dev.navi.tasks.ApprovalNotFoundException;
import dev.navi.tasks.ApprovalStatus;
import dev.navi.tasks.Approvals;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskNotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions on approvals. A decision, its event, its audit record and the task's return to the queue
 * share one transaction holding the task's row, so a task is requeued exactly when its approval is
 * decided, on whichever process.
 */
@Service
class ApprovalDesk implements Approvals {

    static final String EXPIRED = "expired";

    private final JdbcClient jdbc;
    private final TaskRows rows;
    private final ApprovalRows approvals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TaskAudit audit;
    private final Clock clock;
    private final Counter approved;
    private final Counter denied;
    private final Counter expired;

    ApprovalDesk(
            JdbcClient jdbc,
            TaskRows rows,
            ApprovalRows approvals,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            TaskAudit audit,
            Clock clock,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.approvals = approvals;
        this.events = events;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.approved = decided(registry, ApprovalDecision.APPROVE.wireName());
        this.denied = decided(registry, ApprovalDecision.DENY.wireName());
        this.expired = decided(registry, EXPIRED);
    }

    private static Counter decided(MeterRegistry registry, String decision) {
        return Counter.builder("navi.approvals.decided")
                .description("Approvals decided, by decision (approve, deny, expired)")
                .tag("decision", decision)
                .register(registry);
    }

    @Override
    public List<Approval> list(Caller caller, UUID taskId) {
        var scope = TenantScope.of(caller);
        boolean visible = scope.bind(jdbc.sql("select exists (select 1 from tasks where id = :id" + scope.and() + ")"))
                .param("id", taskId)
                .query(Boolean.class)
                .single();
        if (!visible) {
            throw new TaskNotFoundException(taskId);
        }
        return approvals.of(taskId);
    }

    @Override
    public Approval decide(Caller caller, UUID taskId, UUID approvalId, ApprovalDecision decision, String reason) {
        var decided = transactions.execute(status -> decideInTransaction(caller, taskId, approvalId, decision, reason));
        (decision == ApprovalDecision.APPROVE ? approved : denied).increment();
        return decided;
    }

    private Approval decideInTransaction(
            Caller caller, UUID taskId, UUID approvalId, ApprovalDecision decision, String reason) {
        var task = lockedTask(caller, taskId);
        if (!caller.isAdmin() && !caller.subject().equals(task.owner())) {
            throw new ApprovalForbiddenException(taskId);
        }
        var approval =
                approvals.lock(taskId, approvalId).orElseThrow(() -> new ApprovalNotFoundException(taskId, approvalId));
        if (approval.status() != ApprovalStatus.PENDING) {
            throw new ApprovalAlreadyDecidedException(approval);
        }
        var done = approvals.decide(approvalId, decision.status(), reason, caller.subject(), now());
        requeue(taskId);
        events.publishEvent(new TaskEvent.ApprovalDecided(
                taskId, approvalId, approval.toolCallId(), decision.wireName(), reason, caller.subject()));
        audit.approvalDecided(caller, taskId, approvalId, decision.wireName());
        return done;
    }

    private Task lockedTask(Caller caller, UUID taskId) {
        var scope = TenantScope.of(caller);
        return scope.bind(jdbc.sql(
                        "select " + TaskRows.COLUMNS + " from tasks where id = :id" + scope.and() + " for update"))
                .param("id", taskId)
                .query(rows)
                .optional()
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    @Override
    public int expireDue() {
        var now = now();
        var done = transactions.execute(status -> {
            var due = approvals.expire(now, "nobody decided before it expired");
            for (var approval : due) {
                requeue(approval.taskId());
                events.publishEvent(new TaskEvent.ApprovalDecided(
                        approval.taskId(),
                        approval.id(),
                        approval.toolCallId(),
                        EXPIRED,
                        approval.reason(),
                        ApprovalRows.SYSTEM));
                audit.approvalExpired(approval.tenant(), approval.taskId(), approval.id());
            }
            return due.size();
        });
        expired.increment(done);
        return done;
    }

    /** Back to the queue for any worker to resume; a task cancelled meanwhile stays cancelled. */
    private void requeue(UUID taskId) {
        jdbc.sql("update tasks set status = 'queued' where id = :id and status = 'waiting_approval'")
                .param("id", taskId)
                .update();
    }

    @Override
    public long pendingCount() {
        return approvals.pending();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
