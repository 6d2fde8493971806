package dev.navi.llm.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The Resilience4j circuit breaker of one provider and model, and how long until it lets a probe through. */
final class Breaker {

    private static final Duration PAST = Duration.ofMillis(1);

    private final CircuitBreaker circuit;
    private final Clock clock;
    private final Duration openDuration;
    private volatile Instant openedAt = Instant.MIN;

    Breaker(CircuitBreaker circuit, Clock clock, Duration openDuration) {
        this.circuit = circuit;
        this.clock = clock;
        this.openDuration = openDuration;
    }

    void opened() {
        openedAt = clock.instant();
    }

    boolean tryAcquirePermission() {
        return circuit.tryAcquirePermission();
    }

    void releasePermission() {
        circuit.releasePermission();
    }

    void onSuccess(long nanos) {
        circuit.onSuccess(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void onError(long nanos, Throwable failure) {
        circuit.onError(nanos, java.util.concurrent.TimeUnit.NANOSECONDS, failure);
    }

    CircuitBreaker.State state() {
        return circuit.getState();
    }

    /**
     * The time until an open circuit lets a probe through (Resilience4j does once its open duration is
     * strictly over); zero when it is not open: half open with its probes taken, the caller backs off.
     */
    Duration untilProbe() {
        if (circuit.getState() != CircuitBreaker.State.OPEN) {
            return Duration.ZERO;
        }
        Duration left =
                Duration.between(clock.instant(), openedAt.plus(openDuration).plus(PAST));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
