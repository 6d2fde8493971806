package dev.navi.observability.internal;

import dev.navi.events.TaskEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * One log line per task step, with {@code taskId} in the MDC. Prompts, model text, tool arguments and
 * tool output are included only when {@code navi.observability.log-content} is on.
 */
@Component
class TaskActivityLog {

    private static final Logger log = LoggerFactory.getLogger(TaskActivityLog.class);
    static final String TASK_ID = "taskId";

    private final boolean content;

    TaskActivityLog(ObservabilityProperties properties) {
        this.content = properties.logContent();
    }

    /** After the commit that stored the event: a line is written only for an event that was stored. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(TaskEvent event) {
        if (!log.isInfoEnabled()) {
            return;
        }
        var previous = MDC.get(TASK_ID);
        MDC.put(TASK_ID, event.taskId().toString());
        try {
            log.info(line(event));
        } catch (RuntimeException e) {
            log.warn("Cannot log {} of task {}", TaskEvent.typeOf(event), event.taskId(), e);
        } finally {
            if (previous == null) {
                MDC.remove(TASK_ID);
            } else {
                MDC.put(TASK_ID, previous);
            }
        }
    }

    String line(TaskEvent event) {
        return switch (event) {
            case TaskEvent.TaskQueued e -> "Task queued for " + e.owner() + withContent("prompt", e.prompt());
            case TaskEvent.TaskStarted e ->
                "Task started by " + e.workerId() + (e.model() == null ? "" : " with model " + e.model());
            case TaskEvent.TaskResumed e ->
                "Task resumed by " + e.workerId() + " (attempt " + e.attempt() + ", after "
                        + (e.previousWorker() == null ? "an unknown worker" : e.previousWorker())
                        + ", from event " + e.lastSeq() + ")";
            case TaskEvent.LlmRequested e ->
                "Model call " + e.iteration() + " to " + e.model() + " with " + e.messages() + " messages";
            case TaskEvent.LlmResponded e ->
                "Model replied in " + e.latencyMs() + " ms: " + e.toolCalls().size() + " tool calls, "
                        + e.inputTokens() + " input and " + e.outputTokens() + " output tokens"
                        + withContent("text", e.text());
            case TaskEvent.LlmRetried e ->
                "Model call failed (" + e.errorClass() + "), attempt " + e.attempt() + " retried in " + e.waitMs()
                        + " ms";
            case TaskEvent.LlmCircuitOpen e -> "Circuit of " + e.provider() + "/" + e.model() + " is open";
            case TaskEvent.LlmFallbackUsed e ->
                "Model call goes to the fallback " + e.toProvider() + "/" + e.toModel() + " instead of "
                        + e.fromProvider() + "/" + e.fromModel();
            case TaskEvent.ToolCallStarted e ->
                "Tool " + e.tool() + " called" + withContent("arguments", e.arguments());
            case TaskEvent.ToolCallCompleted e ->
                "Tool " + e.tool() + (e.ok() ? " succeeded" : " failed") + " in " + e.durationMs() + " ms"
                        + withContent("output", e.output());
            case TaskEvent.ApprovalRequested e ->
                "Tool " + e.tool() + " waits for approval " + e.approvalId() + " until " + e.expiresAt()
                        + withContent("arguments", e.arguments());
            case TaskEvent.ApprovalDecided e ->
                "Approval " + e.approvalId() + " decided: " + e.decision() + " by " + e.by()
                        + withContent("reason", e.reason());
            case TaskEvent.TaskSucceeded e -> "Task succeeded: " + e.stopReason() + withContent("summary", e.summary());
            case TaskEvent.TaskFailed e -> "Task failed: " + e.stopReason() + " (" + e.errorClass() + ")";
            case TaskEvent.TaskCancelled e -> "Task cancelled";
        };
    }

    private String withContent(String name, String value) {
        return content && value != null ? "; " + name + ": " + value : "";
    }
}
