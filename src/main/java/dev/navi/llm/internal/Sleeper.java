package dev.navi.llm.internal;

import java.time.Duration;

/** Waits; an interruption ends the wait at once. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> {
        if (duration.isPositive()) {
            Thread.sleep(duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
