package dev.navi.tasks.internal;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditOutcome;
import dev.navi.security.Caller;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Submissions, cancellations and approval decisions in the audit log, written in the action's own transaction: when the
 * record cannot be written the action is rolled back with it.
 */
@Component
class TaskAudit {

    private final AuditLog audit;

    TaskAudit(AuditLog audit) {
        this.audit = audit;
    }

    void submitted(Caller caller, UUID taskId, String model) {
        audit.record(entry(AuditAction.TASK_SUBMITTED, caller, taskId)
                .withDetails(Map.of("model", model == null ? "" : model)));
    }

    void cancelled(Caller caller, UUID taskId, String statusBefore) {
        audit.record(
                entry(AuditAction.TASK_CANCELLED, caller, taskId).withDetails(Map.of("status_before", statusBefore)));
    }

    void approvalDecided(Caller caller, UUID taskId, UUID approvalId, String decision) {
        audit.record(entry(AuditAction.APPROVAL_DECIDED, caller, taskId)
                .withDetails(Map.of("approval_id", approvalId.toString(), "decision", decision)));
    }

    /** An expiry is decided by no one: the record names the system within the task's tenant. */
    void approvalExpired(String tenant, UUID taskId, UUID approvalId) {
        audit.record(AuditEntry.of(AuditAction.APPROVAL_DECIDED, AuditOutcome.SUCCEEDED, taskId.toString())
                .withSubject(ApprovalRows.SYSTEM, tenant)
                .withDetails(Map.of("approval_id", approvalId.toString(), "decision", ApprovalDesk.EXPIRED)));
    }

    private static AuditEntry entry(AuditAction action, Caller caller, UUID taskId) {
        return AuditEntry.of(action, AuditOutcome.SUCCEEDED, taskId.toString())
                .withSubject(caller.subject(), caller.tenant())
                .withClient(caller.keyId(), null);
    }
}
