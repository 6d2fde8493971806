package dev.navi.events.internal;

import java.time.Duration;

/** Doubling waits between reconnection attempts, from {@code min} up to {@code max}. */
record Backoff(Duration min, Duration max) {

    Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
    }

    /** The wait before attempt {@code failures + 1}, after {@code failures} failed ones in a row. */
    Duration delay(int failures) {
        int doublings = Math.min(Math.max(failures, 0), 30);
        long millis = min.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
