package dev.navi.agent.internal;

import dev.navi.tasks.StopReason;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a running loop is told to stop from outside: the first reason set wins, and the loop's thread
 * is interrupted so that a model call, a backoff wait or a command ends at once. A loop is either
 * stopped (it ends the task with a stop reason) or released (it ends without finishing the task: the
 * worker hands it back, or its lease is lost); a release wins over a stop.
 */
final class RunControl {

    /** Why a loop ends without finishing its task. */
    enum Release {
        /** The worker is stopping: the task goes back to the queue for any worker to resume. */
        HAND_BACK,
        /** Another claim took the task over: nothing more may be written for it. */
        LEASE_LOST
    }

    private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
    private final AtomicReference<Release> release = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Thread thread;
    private volatile boolean started;

    /** Releases the task; a lost lease overrides a hand-back (the hand-back could not be written). */
    void release(Release why) {
        boolean changed = why == Release.LEASE_LOST ? release.getAndSet(why) != why : release.compareAndSet(null, why);
        var running = thread;
        if (changed && running != null) {
            running.interrupt();
        }
    }

    /** Why the loop was released, or null. */
    Release released() {
        return release.get();
    }

    /** Whether the loop was asked to end, stopped or released. */
    boolean halted() {
        return release.get() != null || stopReason.get() != null;
    }

    /** The loop's claim has committed and its thread is started: from now on its lease is renewed. */
    void started() {
        started = true;
    }

    boolean hasStarted() {
        return started;
    }

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

    /** The loop's run is over, including the writes that end or hand back its task. */
    void ended() {
        ended.countDown();
    }

    /**
     * Waits at most {@code timeout} for {@link #ended()}. The loop detaches its thread before its last
     * writes (so that they are not interrupted): waiting on the thread would return before them.
     */
    boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The reason the loop was asked to stop, or null. */
    StopReason stopReason() {
        return stopReason.get();
    }
}
