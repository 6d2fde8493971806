package dev.navi.tasks;

import dev.navi.workspace.WorkspaceSource;
import java.time.Instant;
import java.util.UUID;

/**
 * A task as stored. Optional fields are null until they apply.
 *
 * @param tenant the tenant the task belongs to
 * @param owner the subject of the caller who submitted it
 * @param approvals which of its tool calls wait for an approval
 */
public record Task(
        UUID id,
        String tenant,
        String owner,
        TaskStatus status,
        String prompt,
        String model,
        WorkspaceSource workspace,
        TaskLimits limits,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        int iterations,
        StopReason stopReason,
        String summary,
        TaskUsage usage,
        TaskError error,
        ApprovalMode approvals) {}
