package dev.navi.cli.internal.bench;

import java.time.Duration;

/** The run's time ceiling; phases check it between rounds and batches, never mid-measurement. */
record Deadline(long endNanos) {

    static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - endNanos > 0;
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }
}
