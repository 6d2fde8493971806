package dev.navi.observability.internal;

import dev.navi.events.TaskEvent;
import dev.navi.tasks.StopReason;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tasks that end in {@code internal_error} (a NAVI bug or a lost worker: severity error) or
 * {@code llm_error} (the provider failed: severity warning) or {@code workspace_unavailable} (a
 * clone or copy failed after the submission's checks: severity warning) become error events once
 * their end is committed.
 */
@Component
class TaskFailureRecorder {

    private final ErrorEventWriter writer;
    private final Clock clock;

    TaskFailureRecorder(ErrorEventWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TaskEvent.TaskFailed failed) {
        var reason = TaskEventMetrics.stopReasonLabel(failed.stopReason());
        if (reason.equals(StopReason.INTERNAL_ERROR.wireName())) {
            writer.submit(event(failed, "agent", ErrorEvent.Severity.ERROR));
        } else if (reason.equals(StopReason.LLM_ERROR.wireName())) {
            writer.submit(event(failed, "llm", ErrorEvent.Severity.WARNING));
        } else if (reason.equals(StopReason.WORKSPACE_UNAVAILABLE.wireName())) {
            writer.submit(event(failed, "workspace", ErrorEvent.Severity.WARNING));
        }
    }

    private ErrorEvent event(TaskEvent.TaskFailed failed, String component, ErrorEvent.Severity severity) {
        var errorClass = failed.errorClass() == null ? failed.stopReason() : failed.errorClass();
        return new ErrorEvent(
                ErrorEvent.fingerprint(errorClass, component, List.of("task." + failed.stopReason())),
                errorClass,
                severity,
                component,
                failed.taskId(),
                failed.message(),
                clock.instant());
    }
}
