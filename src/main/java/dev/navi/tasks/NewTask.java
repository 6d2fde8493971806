package dev.navi.tasks;

import dev.navi.workspace.WorkspaceSource;
import java.math.BigDecimal;

/**
 * A task to submit. {@code model} and each limit may be null: the configured default applies. The
 * tenant and owner are the caller's, never part of the request.
 *
 * @param maxDurationSeconds wall-clock limit in seconds
 * @param approvals the approval mode's wire name ({@code never}, {@code commands}, {@code writes}); null is
 *     {@code never}
 */
public record NewTask(
        String prompt,
        WorkspaceSource workspace,
        String model,
        Integer maxIterations,
        Long maxDurationSeconds,
        Long maxTokens,
        BigDecimal maxCostUsd,
        String approvals) {

    /** A submission without approvals. */
    public NewTask(
            String prompt,
            WorkspaceSource workspace,
            String model,
            Integer maxIterations,
            Long maxDurationSeconds,
            Long maxTokens,
            BigDecimal maxCostUsd) {
        this(prompt, workspace, model, maxIterations, maxDurationSeconds, maxTokens, maxCostUsd, null);
    }
}
