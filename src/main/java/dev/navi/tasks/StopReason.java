package dev.navi.tasks;

import java.util.Locale;

/** Why a task's loop ended: one closed set shared by the API, events and metrics. */
public enum StopReason {
    /** The model replied without tool calls; its text is the summary. */
    COMPLETED,
    MAX_ITERATIONS,
    TIMEOUT,
    BUDGET_EXHAUSTED,
    CANCELLED,
    LLM_ERROR,
    /** The workspace copy could not be made: the clone or copy failed (the message says why). */
    WORKSPACE_UNAVAILABLE,
    /** The workspace copy grew past {@code navi.workspace.max-copy-bytes}. */
    WORKSPACE_TOO_LARGE,
    INTERNAL_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a task ends in for this reason. */
    public TaskStatus finalStatus() {
        return switch (this) {
            case COMPLETED -> TaskStatus.SUCCEEDED;
            case CANCELLED -> TaskStatus.CANCELLED;
            case MAX_ITERATIONS,
                    TIMEOUT,
                    BUDGET_EXHAUSTED,
                    LLM_ERROR,
                    WORKSPACE_UNAVAILABLE,
                    WORKSPACE_TOO_LARGE,
                    INTERNAL_ERROR -> TaskStatus.FAILED;
        };
    }

    public static StopReason fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
