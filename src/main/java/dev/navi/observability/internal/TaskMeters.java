package dev.navi.observability.internal;

import dev.navi.tasks.StopReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;

/**
 * The task and tool meters. Label values come from closed sets (stop reasons, statuses, the offered
 * tools plus {@code unknown}); every series of those sets is registered at start, so rates and alerts
 * see zeros instead of missing series.
 */
final class TaskMeters {

    static final String UNKNOWN_TOOL = "unknown";

    private final MeterRegistry registry;
    private final Set<String> tools;

    TaskMeters(MeterRegistry registry, Set<String> tools) {
        this.registry = registry;
        this.tools = Set.copyOf(tools);
        submitted();
        started();
        queueWait();
        for (var reason : StopReason.values()) {
            finished(reason.wireName(), reason.finalStatus().wireName());
            duration(reason.wireName());
            iterations(reason.wireName());
        }
        for (var tool : this.tools) {
            toolCalls(tool, true);
            toolCalls(tool, false);
            toolDuration(tool);
        }
    }

    Counter submitted() {
        return Counter.builder("navi.tasks.submitted")
                .description("Tasks accepted by the API")
                .register(registry);
    }

    Counter started() {
        return Counter.builder("navi.tasks.started")
                .description("Tasks claimed by a worker")
                .register(registry);
    }

    Counter finished(String stopReason, String status) {
        return Counter.builder("navi.tasks.finished")
                .description("Tasks ended, by stop reason and final status")
                .tags("stop_reason", stopReason, "status", status)
                .register(registry);
    }

    Timer duration(String stopReason) {
        return Timer.builder("navi.task.duration")
                .description("Time from a task's start to its end")
                .tags("stop_reason", stopReason)
                .serviceLevelObjectives(Buckets.TASK)
                .register(registry);
    }

    DistributionSummary iterations(String stopReason) {
        return DistributionSummary.builder("navi.task.iterations")
                .description("Model calls a task made, by stop reason")
                .tags("stop_reason", stopReason)
                .serviceLevelObjectives(Buckets.ITERATIONS)
                .register(registry);
    }

    Timer queueWait() {
        return Timer.builder("navi.task.queue.wait")
                .description("Time from a task's submission to its start")
                .serviceLevelObjectives(Buckets.QUEUE_WAIT)
                .register(registry);
    }

    Counter toolCalls(String tool, boolean ok) {
        return Counter.builder("navi.tool.calls")
                .description("Tool calls by tool and outcome")
                .tags("tool", toolLabel(tool), "outcome", ok ? "ok" : "error")
                .register(registry);
    }

    Timer toolDuration(String tool) {
        return Timer.builder("navi.tool.duration")
                .description("Time one tool call took")
                .tags("tool", toolLabel(tool))
                .serviceLevelObjectives(Buckets.TOOL)
                .register(registry);
    }

    Counter eventsStored(String type) {
        return Counter.builder("navi.events.stored")
                .description("Task events stored, by type")
                .tags("type", type)
                .register(registry);
    }

    /** The tool's name when it is one NAVI offers; any name a model invents is {@code unknown}. */
    String toolLabel(String tool) {
        return tool != null && tools.contains(tool) ? tool : UNKNOWN_TOOL;
    }
}
