package dev.navi.web.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.navi.redaction.Redactor;
import dev.navi.security.Caller;
import dev.navi.tasks.Approval;
import dev.navi.tasks.ApprovalDecision;
import dev.navi.tasks.Approvals;
import dev.navi.tasks.InvalidTaskException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tool calls a task waits on, and their decisions. */
@RestController
@RequestMapping(value = "/api/v1/tasks/{id}/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
class ApprovalsController {

    private static final int MAX_REASON = 2000;

    private final Approvals approvals;
    private final Redactor redactor;

    ApprovalsController(Approvals approvals, Redactor redactor) {
        this.approvals = approvals;
        this.redactor = redactor;
    }

    @Operation(summary = "A task's approvals, oldest first")
    @GetMapping
    ApprovalListResponse list(Caller caller, @PathVariable UUID id) {
        return new ApprovalListResponse(
                approvals.list(caller, id).stream().map(this::response).toList());
    }

    @Operation(summary = "Approve or deny a pending tool call; the task goes back to the queue")
    @PostMapping(value = "/{approvalId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApprovalResponse decide(
            Caller caller, @PathVariable UUID id, @PathVariable UUID approvalId, @RequestBody DecisionRequest request) {
        var reason = reason(request.reason());
        return response(approvals.decide(caller, id, approvalId, decision(request.decision()), reason));
    }

    /** Body of a decision. Unknown fields are rejected. */
    record DecisionRequest(String decision, String reason) {}

    record ApprovalListResponse(List<ApprovalResponse> items) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApprovalResponse(
            UUID id,
            UUID taskId,
            String toolCallId,
            String tool,
            String arguments,
            String status,
            String reason,
            String decidedBy,
            Instant requestedAt,
            Instant expiresAt,
            Instant decidedAt) {}

    private ApprovalResponse response(Approval approval) {
        return new ApprovalResponse(
                approval.id(),
                approval.taskId(),
                approval.toolCallId(),
                approval.tool(),
                redactor.redact(approval.arguments()),
                approval.status().wireName(),
                redactor.redact(approval.reason()),
                approval.decidedBy(),
                approval.requestedAt(),
                approval.expiresAt(),
                approval.decidedAt());
    }

    private static ApprovalDecision decision(String decision) {
        if (decision == null) {
            throw new InvalidTaskException("decision", "decision is required: approve or deny");
        }
        try {
            return ApprovalDecision.fromWireName(decision);
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException("decision", "decision must be approve or deny");
        }
    }

    private static String reason(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.length() > MAX_REASON || reason.indexOf('\u0000') >= 0) {
            throw new InvalidTaskException(
                    "reason", "reason must be at most " + MAX_REASON + " characters without NUL characters");
        }
        return reason;
    }
}
