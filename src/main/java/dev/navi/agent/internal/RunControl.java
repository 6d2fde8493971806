package dev.navi.agent.internal;

import dev.navi.tasks.StopReason;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a running loop is told to stop from outside: the first reason set wins, and the loop's thread
 * is interrupted so that a model call, a backoff wait or a command ends at once.
 */
final class RunControl {

    private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
    private volatile Thread thread;

    void attach(Thread thread) {
        this.thread = thread;
    }

    void stop(StopReason reason) {
        if (stopReason.compareAndSet(null, reason)) {
            var running = thread;
            if (running != null) {
                running.interrupt();
            }
        }
    }

    /** Waits at most {@code timeout} for the loop's thread to end. */
    void awaitEnd(java.time.Duration timeout) {
        var running = thread;
        if (running == null || timeout.isNegative()) {
            return;
        }
        try {
            running.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reason the loop was asked to stop, or null. */
    StopReason stopReason() {
        return stopReason.get();
    }
}
