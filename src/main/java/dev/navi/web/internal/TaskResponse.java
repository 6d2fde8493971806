package dev.navi.web.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.navi.redaction.Redactor;
import dev.navi.tasks.Task;
import dev.navi.workspace.WorkspaceSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A task as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TaskResponse(
        UUID id,
        String tenant,
        String owner,
        String status,
        String prompt,
        String model,
        Workspace workspace,
        Limits limits,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        int iterations,
        String stopReason,
        String summary,
        Usage usage,
        Error error,
        String approvals) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Workspace(String path, String git, String ref) {}

    record Limits(int maxIterations, long maxDurationSeconds, long maxTokens, BigDecimal maxCostUsd) {}

    /** {@code costUsd} is null and {@code costKnown} false when a call went to a model without a known price. */
    record Usage(
            long inputTokens,
            long outputTokens,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal costUsd,
            boolean costKnown,
            int llmCalls) {}

    record Error(@JsonProperty("class") String errorClass, String message) {}

    /** The task as the API shows it: text that may quote a secret (prompt, summary, error) redacted. */
    static TaskResponse of(Task task, Redactor redactor) {
        var limits = task.limits();
        var usage = task.usage();
        return new TaskResponse(
                task.id(),
                task.tenant(),
                task.owner(),
                task.status().wireName(),
                redactor.redact(task.prompt()),
                task.model(),
                workspace(task.workspace(), redactor),
                new Limits(
                        limits.maxIterations(),
                        limits.maxDuration().toSeconds(),
                        limits.maxTokens(),
                        limits.maxCostUsd()),
                task.createdAt(),
                task.startedAt(),
                task.finishedAt(),
                task.iterations(),
                task.stopReason() == null ? null : task.stopReason().wireName(),
                redactor.redact(task.summary()),
                new Usage(
                        usage.inputTokens(),
                        usage.outputTokens(),
                        usage.costUsd(),
                        usage.costKnown(),
                        usage.llmCalls()),
                task.error() == null
                        ? null
                        : new Error(
                                task.error().errorClass(),
                                redactor.redact(task.error().message())),
                task.approvals().wireName());
    }

    private static Workspace workspace(WorkspaceSource source, Redactor redactor) {
        return switch (source) {
            case WorkspaceSource.LocalPath local -> new Workspace(local.path(), null, null);
            case WorkspaceSource.GitRepository git -> new Workspace(null, redactor.redact(git.url()), git.ref());
        };
    }
}
