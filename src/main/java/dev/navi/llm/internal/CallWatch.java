package dev.navi.llm.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of one call: first the first-byte deadline, then, from the first byte on, the idle
 * deadline moved forward by every chunk. A chunk only writes a volatile field; the one scheduled check
 * reschedules itself to the current deadline, so no task is created per chunk.
 */
final class CallWatch implements AutoCloseable {

    private static final long NOT_YET = Long.MIN_VALUE;

    private final ScheduledExecutorService scheduler;
    private final Duration firstByteTimeout;
    private final Duration idleTimeout;
    private final Runnable abort;
    private final long startNanos = System.nanoTime();
    private volatile long deadlineNanos;
    private volatile long firstByteNanos = NOT_YET;
    private volatile String expiry;
    private ScheduledFuture<?> nextCheck;
    private boolean closed;

    CallWatch(ScheduledExecutorService scheduler, Duration firstByteTimeout, Duration idleTimeout, Runnable abort) {
        this.scheduler = scheduler;
        this.firstByteTimeout = firstByteTimeout;
        this.idleTimeout = idleTimeout;
        this.abort = abort;
        this.deadlineNanos = startNanos + firstByteTimeout.toNanos();
    }

    void start() {
        schedule(firstByteTimeout.toNanos());
    }

    /** Bytes arrived: the idle deadline starts again. */
    void bytesArrived() {
        long now = System.nanoTime();
        if (firstByteNanos == NOT_YET) {
            firstByteNanos = now;
        }
        deadlineNanos = now + idleTimeout.toNanos();
    }

    /** Time from the start of the call to its first body byte, if one arrived. */
    Optional<Duration> timeToFirstByte() {
        long first = firstByteNanos;
        return first == NOT_YET ? Optional.empty() : Optional.of(Duration.ofNanos(first - startNanos));
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Why the call was aborted, if a deadline passed. */
    Optional<String> expiry() {
        return Optional.ofNullable(expiry);
    }

    private void check() {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            schedule(remaining);
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            expiry = firstByteNanos == NOT_YET
                    ? "no response from the provider within the first-byte timeout of " + firstByteTimeout
                    : "the provider sent nothing for the idle timeout of " + idleTimeout;
        }
        abort.run();
    }

    private synchronized void schedule(long delayNanos) {
        if (closed) {
            return;
        }
        try {
            nextCheck = scheduler.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            nextCheck = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (nextCheck != null) {
            nextCheck.cancel(false);
        }
    }
}
