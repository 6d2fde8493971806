package dev.navi.observability.internal;

import dev.navi.redaction.Redactor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes error events on one thread of its own, so recording never blocks nor fails the code that
 * reported the error. What that thread logs is never recorded again (no recursion); when the queue is
 * full, events are dropped and the drop is logged. Stopping (also when a test context is paused) writes
 * what is queued; starting again starts a new thread. Messages are stored redacted.
 */
@Component
class ErrorEventWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErrorEventWriter.class);
    private static final long STOP_WAIT_MILLIS = 2_000;
    private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

    private final ErrorEventStore store;
    private final MeterRegistry registry;
    private final Redactor redactor;
    private final BlockingQueue<ErrorEvent> queue;
    private final AtomicLong dropped = new AtomicLong();

    private volatile boolean running;
    private Thread writer;

    ErrorEventWriter(
            ErrorEventStore store, MeterRegistry registry, ObservabilityProperties properties, Redactor redactor) {
        this.store = store;
        this.registry = registry;
        this.redactor = redactor;
        this.queue = new ArrayBlockingQueue<>(properties.errorQueueCapacity());
    }

    /** Queues the event; never blocks, never throws. */
    void submit(ErrorEvent event) {
        if (WRITING.get()) {
            return;
        }
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        WRITING.set(true);
        while (running) {
            try {
                var event = queue.poll(250, TimeUnit.MILLISECONDS);
                if (event != null) {
                    write(event);
                }
                reportDrops();
            } catch (InterruptedException e) {
                break;
            }
        }
        ErrorEvent left;
        while ((left = queue.poll()) != null) {
            write(left);
        }
    }

    /** Counts the failure first: a database outage must still show in the metric (and fire its alert). */
    private void write(ErrorEvent event) {
        Counter.builder("navi.error.events")
                .description("Server-side failures by component and severity, counted even when error_events"
                        + " cannot be written")
                .tags(
                        "component",
                        event.component(),
                        "severity",
                        event.severity().wireName())
                .register(registry)
                .increment();
        try {
            store.record(event.withMessage(redactor.redact(event.message())));
        } catch (RuntimeException e) {
            log.warn("Cannot record error event {} of {}", event.errorClass(), event.component(), e);
        }
    }

    private void reportDrops() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("Error events queue full: {} error events were not recorded", lost);
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().daemon().name("navi-error-events").start(this::drain);
    }

    /** Writes what is queued, waiting a little at most. */
    @Override
    public void stop() {
        running = false;
        try {
            if (writer != null) {
                writer.join(STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the worker, whose last failures should still be recorded, and before the data source. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
