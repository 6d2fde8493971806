package dev.navi.llm.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Owns the one scheduler thread that watches every model call for a missing first byte or a silent
 * stream. Closed with the application context.
 */
final class CallWatchdog implements AutoCloseable {

    private final ScheduledThreadPoolExecutor scheduler;

    CallWatchdog() {
        scheduler = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("navi-llm-watchdog").daemon().factory());
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Starts watching a call; {@code abort} runs on the scheduler thread when a deadline passes. */
    CallWatch watch(Duration firstByteTimeout, Duration idleTimeout, Runnable abort) {
        CallWatch watch = new CallWatch(scheduler, firstByteTimeout, idleTimeout, abort);
        watch.start();
        return watch;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
