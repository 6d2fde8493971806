package dev.navi.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * A tool call a running task may not make before someone approves it.
 *
 * @param iteration the model reply that asked for the call
 */
public record ApprovalRequest(
        UUID id, int iteration, String toolCallId, String tool, String arguments, Instant expiresAt) {}
