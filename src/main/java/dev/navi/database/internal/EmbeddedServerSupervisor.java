package dev.navi.database.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the embedded server and starts it again when it dies, waiting longer after each failed
 * restart. Liveness turns broken after {@code embeddedRestartAttempts} failures in a row, so that an
 * orchestrator restarts NAVI; it turns correct again if a later restart succeeds.
 */
final class EmbeddedServerSupervisor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerSupervisor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final EmbeddedServer server;
    private final DatabaseProperties properties;
    private final ApplicationEventPublisher publisher;
    private volatile ScheduledExecutorService scheduler;
    // touched by the scheduler thread only
    private int failures;
    private boolean broken;

    EmbeddedServerSupervisor(
            EmbeddedServer server, DatabaseProperties properties, ApplicationEventPublisher publisher) {
        this.server = server;
        this.properties = properties;
        this.publisher = publisher;
    }

    @Override
    public void start() {
        if (!server.isEmbedded()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("navi-database-supervisor").factory());
        schedule(this::check, properties.embeddedCheckInterval());
    }

    @Override
    public void stop() {
        var current = scheduler;
        scheduler = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private void check() {
        if (server.isRunning()) {
            schedule(this::check, properties.embeddedCheckInterval());
            return;
        }
        log.error(
                "Embedded PostgreSQL (pid {}) is no longer running; restarting it on port {} in {}",
                server.pid(),
                server.port(),
                backoff());
        schedule(this::restart, backoff());
    }

    private void restart() {
        try {
            server.restart();
            log.info("Embedded PostgreSQL is running again on port {} (pid {})", server.port(), server.pid());
            failures = 0;
            if (broken) {
                broken = false;
                AvailabilityChangeEvent.publish(publisher, this, LivenessState.CORRECT);
            }
            schedule(this::check, properties.embeddedCheckInterval());
        } catch (Exception e) {
            failures++;
            log.error("Restart {} of embedded PostgreSQL failed; next try in {}", failures, backoff(), e);
            if (failures >= properties.embeddedRestartAttempts() && !broken) {
                broken = true;
                log.error("Embedded PostgreSQL cannot be brought back: liveness is now broken");
                AvailabilityChangeEvent.publish(publisher, this, LivenessState.BROKEN);
            }
            schedule(this::restart, backoff());
        }
    }

    private Duration backoff() {
        Duration wait = properties.embeddedRestartBackoff().multipliedBy(1L << Math.min(failures, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void schedule(Runnable step, Duration delay) {
        var current = scheduler;
        if (current != null && !current.isShutdown()) {
            current.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
