package dev.navi.agent.internal;

import dev.navi.tasks.StopReason;
import dev.navi.workspace.WorkspaceException;

/** How a workspace failure while a task runs ends the task: never as {@code internal_error}. */
final class WorkspaceFailures {

    private WorkspaceFailures() {}

    static StopReason stopReason(WorkspaceException e) {
        return switch (e.reason()) {
            case TOO_LARGE -> StopReason.WORKSPACE_TOO_LARGE;
            case INVALID, NOT_FOUND, GIT_REPOSITORY_NOT_FOUND, GIT_REF_NOT_FOUND, UNAVAILABLE ->
                StopReason.WORKSPACE_UNAVAILABLE;
        };
    }
}
