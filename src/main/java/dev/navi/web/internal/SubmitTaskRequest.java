package dev.navi.web.internal;

import java.math.BigDecimal;

/**
 * Body of {@code POST /api/v1/tasks}. Unknown fields are rejected.
 *
 * @param approvals {@code never} (default), {@code commands} or {@code writes}: which tool calls wait for
 *     an approval
 */
record SubmitTaskRequest(
        String prompt, WorkspaceRequest workspace, String model, LimitsRequest limits, String approvals) {

    /** Exactly one of {@code path} (under the workspaces root) or {@code git} (a clonable URL). */
    record WorkspaceRequest(String path, String git, String ref) {}

    record LimitsRequest(Integer maxIterations, Long maxDurationSeconds, Long maxTokens, BigDecimal maxCostUsd) {}
}
