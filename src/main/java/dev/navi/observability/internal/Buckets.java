package dev.navi.observability.internal;

import java.time.Duration;
import java.util.Arrays;

/** Explicit histogram buckets, each suited to what it measures. */
final class Buckets {

    /** HTTP requests: 5 ms to 30 s. */
    static final Duration[] HTTP = millis(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000);

    /** Whole tasks: 1 s to 2 h. */
    static final Duration[] TASK = seconds(1, 5, 10, 30, 60, 120, 300, 600, 1_200, 1_800, 3_600, 7_200);

    /** Submission to start: 10 ms to 10 min. */
    static final Duration[] QUEUE_WAIT =
            millis(10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000);

    /** One tool call: 10 ms to 10 min (commands may run long). */
    static final Duration[] TOOL =
            millis(10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 600_000);

    /** Model calls per task. */
    static final double[] ITERATIONS = {1, 2, 3, 5, 10, 20, 30, 50, 100, 200};

    private Buckets() {}

    private static Duration[] millis(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }

    private static Duration[] seconds(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofSeconds).toArray(Duration[]::new);
    }
}
