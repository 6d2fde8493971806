package dev.navi.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * One tool call that waited, or waits, for a decision. {@code reason}, {@code decidedBy} and {@code
 * decidedAt} are null while it is pending.
 *
 * @param arguments the call's arguments as the model sent them (JSON)
 * @param decidedBy the subject who decided, {@code system} for an expiry
 */
public record Approval(
        UUID id,
        UUID taskId,
        String tenant,
        String toolCallId,
        String tool,
        String arguments,
        ApprovalStatus status,
        String reason,
        String decidedBy,
        Instant requestedAt,
        Instant expiresAt,
        Instant decidedAt) {}
