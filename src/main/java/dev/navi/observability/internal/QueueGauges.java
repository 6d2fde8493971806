package dev.navi.observability.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queued and running tasks across all processes, read from the database every few seconds (one query,
 * whatever the scrape rate), so every instance reports the same numbers.
 */
@Component
class QueueGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

    private final JdbcClient jdbc;
    private final ObservabilityProperties properties;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong running = new AtomicLong();
    private ScheduledExecutorService refresher;

    QueueGauges(JdbcClient jdbc, ObservabilityProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.properties = properties;
        Gauge.builder("navi.tasks.queued", queued, AtomicLong::get)
                .description("Tasks waiting for a worker")
                .register(registry);
        Gauge.builder("navi.tasks.running", running, AtomicLong::get)
                .description("Tasks being run by a worker")
                .register(registry);
    }

    void refresh() {
        try {
            // reads the tasks module's table: a count is not worth a new API, and the schema is stable
            jdbc.sql("""
                            select count(*) filter (where status = 'queued') as queued,
                                   count(*) filter (where status = 'running') as running
                            from tasks where status in ('queued', 'running')""")
                    .query((rs, row) -> {
                        queued.set(rs.getLong("queued"));
                        running.set(rs.getLong("running"));
                        return row;
                    })
                    .single();
        } catch (RuntimeException e) {
            log.warn("Cannot read the task queue gauges", e);
        }
    }

    @Override
    public void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("navi-queue-gauges").factory());
        refresher.scheduleWithFixedDelay(
                this::refresh, 0, properties.queueGaugeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
