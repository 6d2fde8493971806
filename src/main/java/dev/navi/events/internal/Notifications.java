package dev.navi.events.internal;

import dev.navi.events.CancellationSignalled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This process's ear on the database: one listening connection of its own for every replica's commits.
 * A committed event wakes the task's local streams; a committed cancellation is published as {@link
 * CancellationSignalled}; every (re)connection makes every open stream re-read from its last event, so
 * whatever was committed while nobody listened still arrives.
 */
@Component
class Notifications implements SmartLifecycle, NotificationListener.Handler {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    private final StreamHub hub;
    private final ApplicationEventPublisher publisher;
    private final JdbcConnectionDetails database;
    private final EventsProperties.Listener settings;
    private final AtomicInteger connected = new AtomicInteger();
    private final Counter reconnects;
    private volatile NotificationListener listener;
    private volatile Thread thread;

    Notifications(
            StreamHub hub,
            ApplicationEventPublisher publisher,
            JdbcConnectionDetails database,
            EventsProperties properties,
            MeterRegistry registry) {
        this.hub = hub;
        this.publisher = publisher;
        this.database = database;
        this.settings = properties.listener();
        Gauge.builder("navi.events.notify.connected", connected, AtomicInteger::get)
                .description("1 while this process listens for other replicas' events and cancellations, else 0")
                .register(registry);
        this.reconnects = Counter.builder("navi.events.notify.reconnects")
                .description("Times the notification connection was established again after it was lost")
                .register(registry);
    }

    @Override
    public void connected(boolean reconnected) {
        connected.set(1);
        if (reconnected) {
            reconnects.increment();
        }
        hub.wakeAll();
    }

    @Override
    public void disconnected() {
        connected.set(0);
    }

    @Override
    public void received(TaskSignal signal) {
        switch (signal) {
            case TaskSignal.EventCommitted event -> hub.wake(event.taskId(), event.seq());
            case TaskSignal.CancellationCommitted cancel ->
                publisher.publishEvent(new CancellationSignalled(cancel.taskId()));
        }
    }

    @Override
    public void start() {
        var connector = new PgListenerConnector(
                database.getJdbcUrl(), database.getUsername(), database.getPassword(), settings.checkInterval());
        var created = new NotificationListener(
                connector,
                this,
                new Backoff(settings.minBackoff(), settings.maxBackoff()),
                duration -> Thread.sleep(duration),
                POLL_TIMEOUT);
        listener = created;
        thread = Thread.ofPlatform().daemon().name("navi-notify-listener").start(created);
    }

    @Override
    public void stop() {
        var current = listener;
        var running = thread;
        if (current != null) {
            current.stop();
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(POLL_TIMEOUT.multipliedBy(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        listener = null;
        thread = null;
    }

    @Override
    public boolean isRunning() {
        var current = listener;
        return current != null && current.running();
    }

    /** Starts after the stream hub and stops before it, so that no wake-up meets a stopped hub. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 256;
    }
}
