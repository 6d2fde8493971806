package dev.navi.observability.internal;

import dev.navi.tasks.Approvals;
import dev.navi.tasks.Tasks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Queued and running tasks and pending approvals across all processes, asked of the tasks module every few seconds on the
 * application's scheduler (one query, whatever the scrape rate), so every instance reports the same
 * numbers.
 */
@Component
class QueueGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

    private final Tasks tasks;
    private final TaskScheduler scheduler;
    private final ObservabilityProperties properties;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private final AtomicLong pendingApprovals = new AtomicLong();
    private final Approvals approvals;
    private volatile ScheduledFuture<?> refreshing;

    QueueGauges(
            Tasks tasks,
            Approvals approvals,
            TaskScheduler scheduler,
            ObservabilityProperties properties,
            MeterRegistry registry) {
        this.tasks = tasks;
        this.approvals = approvals;
        this.scheduler = scheduler;
        this.properties = properties;
        Gauge.builder("navi.tasks.queued", queued, AtomicLong::get)
                .description("Tasks waiting for a worker")
                .register(registry);
        Gauge.builder("navi.tasks.running", running, AtomicLong::get)
                .description("Tasks being run by a worker")
                .register(registry);
        Gauge.builder("navi.approvals.pending", pendingApprovals, AtomicLong::get)
                .description("Tool calls waiting for an approval, all tenants")
                .register(registry);
    }

    void refresh() {
        try {
            var depth = tasks.queueDepth();
            queued.set(depth.queued());
            running.set(depth.running());
            pendingApprovals.set(approvals.pendingCount());
        } catch (RuntimeException e) {
            log.warn("Cannot read the task queue gauges", e);
        }
    }

    @Override
    public void start() {
        refreshing = scheduler.scheduleWithFixedDelay(this::refresh, properties.queueGaugeInterval());
    }

    @Override
    public void stop() {
        var current = refreshing;
        if (current != null) {
            current.cancel(false);
            refreshing = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
