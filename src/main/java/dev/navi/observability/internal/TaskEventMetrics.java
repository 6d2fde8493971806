package dev.navi.observability.internal;

import dev.navi.events.TaskEvent;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskQueue;
import dev.navi.tools.ToolBox;
import dev.navi.tools.ToolSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Task, tool and event metrics derived from {@link TaskEvent}s. Events published in a transaction
 * count once it has committed (a rolled-back submission never happened); the others at once.
 */
@Component
class TaskEventMetrics {

    private static final Logger log = LoggerFactory.getLogger(TaskEventMetrics.class);

    private final TaskMeters meters;
    private final TaskQueue tasks;

    @Autowired
    TaskEventMetrics(MeterRegistry registry, ToolBox tools, TaskQueue tasks) {
        this(new TaskMeters(registry, tools.specs().stream().map(ToolSpec::name).collect(Collectors.toSet())), tasks);
    }

    TaskEventMetrics(TaskMeters meters, TaskQueue tasks) {
        this.meters = meters;
        this.tasks = tasks;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TaskEvent event) {
        try {
            meters.eventsStored(TaskEvent.typeOf(event)).increment();
            record(event);
        } catch (RuntimeException e) {
            log.warn("Cannot record metrics of {} for task {}", TaskEvent.typeOf(event), event.taskId(), e);
        }
    }

    private void record(TaskEvent event) {
        switch (event) {
            case TaskEvent.TaskQueued e -> meters.submitted().increment();
            case TaskEvent.TaskStarted e -> started(e.taskId());
            case TaskEvent.ToolCallCompleted e -> {
                meters.toolCalls(e.tool(), e.ok()).increment();
                meters.toolDuration(e.tool()).record(Duration.ofNanos(e.durationMicros() * 1_000));
            }
            case TaskEvent.TaskSucceeded e -> finished(e.taskId(), e.stopReason(), "succeeded", e.totals());
            case TaskEvent.TaskFailed e -> finished(e.taskId(), e.stopReason(), "failed", e.totals());
            case TaskEvent.TaskCancelled e -> finished(e.taskId(), e.stopReason(), "cancelled", e.totals());
            case TaskEvent.TaskResumed e -> {}
            case TaskEvent.LlmRequested e -> {}
            case TaskEvent.LlmResponded e -> {}
            case TaskEvent.LlmRetried e -> {}
            case TaskEvent.LlmCircuitOpen e -> {}
            case TaskEvent.LlmFallbackUsed e -> {}
            case TaskEvent.ToolCallStarted e -> {}
            case TaskEvent.ApprovalRequested e -> {}
            case TaskEvent.ApprovalDecided e -> {}
        }
    }

    private void started(UUID taskId) {
        meters.started().increment();
        tasks.find(taskId)
                .filter(task -> task.startedAt() != null)
                .ifPresent(task -> meters.queueWait().record(between(task.createdAt(), task.startedAt())));
    }

    private void finished(UUID taskId, String stopReason, String status, TaskEvent.TaskTotals totals) {
        var reason = stopReasonLabel(stopReason);
        meters.finished(reason, status).increment();
        meters.iterations(reason).record(totals.iterations());
        tasks.find(taskId)
                .filter(TaskEventMetrics::ran)
                .ifPresent(task -> meters.duration(reason).record(between(task.startedAt(), task.finishedAt())));
    }

    private static boolean ran(Task task) {
        return task.startedAt() != null && task.finishedAt() != null;
    }

    private static Duration between(Instant from, Instant to) {
        var duration = Duration.between(from, to);
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** A stop reason of the closed set; anything else would be a bug, counted as an internal error. */
    static String stopReasonLabel(String stopReason) {
        try {
            return StopReason.fromWireName(stopReason).wireName();
        } catch (IllegalArgumentException | NullPointerException e) {
            return StopReason.INTERNAL_ERROR.wireName();
        }
    }
}
