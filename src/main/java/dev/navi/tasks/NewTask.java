package dev.navi.tasks;

import dev.navi.workspace.WorkspaceSource;
import java.math.BigDecimal;

/**
 * A task to submit. {@code owner}, {@code model} and each limit may be null: the configured default
 * applies.
 *
 * @param maxDurationSeconds wall-clock limit in seconds
 */
public record NewTask(
        String owner,
        String prompt,
        WorkspaceSource workspace,
        String model,
        Integer maxIterations,
        Long maxDurationSeconds,
        Long maxTokens,
        BigDecimal maxCostUsd) {}
