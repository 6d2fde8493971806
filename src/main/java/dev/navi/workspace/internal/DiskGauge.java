package dev.navi.workspace.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** The bytes held by task copies, measured every {@code navi.workspace.disk-usage-interval}, not per scrape. */
@Component
class DiskGauge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DiskGauge.class);

    private final WorkspaceProperties properties;
    private final AtomicLong bytes = new AtomicLong();

    DiskGauge(WorkspaceProperties properties, MeterRegistry meters) {
        this.properties = properties;
        Gauge.builder("navi_workspace_disk_bytes", bytes, AtomicLong::doubleValue)
                .description("Bytes of the files under the tasks directory (task copies and baselines)")
                .baseUnit("bytes")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::measure, properties.diskUsageInterval());
    }

    void measure() {
        try {
            bytes.set(DiskUsage.bytes(properties.tasksDirectory()));
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot measure the disk used by task copies", e);
        }
    }

    long bytes() {
        return bytes.get();
    }
}
