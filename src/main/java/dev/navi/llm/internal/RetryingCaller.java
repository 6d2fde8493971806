package dev.navi.llm.internal;

import dev.navi.llm.CallContext;
import dev.navi.llm.CallObserver;
import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The retry policy of one call: non-retryable failures end it at once; retryable ones are tried again
 * after a backoff, until the attempts per call or the task's retry budget run out. An open circuit
 * without a fallback is waited out the same way, announced as a retry of class {@code circuit_open}.
 */
final class RetryingCaller {

    static final Duration SHORTEST_PROBE_WAIT = Duration.ofMillis(1);

    private final Routes routes;
    private final AttemptSender sender;
    private final Backoff backoff;
    private final LlmProperties.Retry retry;
    private final Sleeper sleeper;
    private final LlmMetrics metrics;

    RetryingCaller(
            Routes routes,
            AttemptSender sender,
            Backoff backoff,
            LlmProperties.Retry retry,
            Sleeper sleeper,
            LlmMetrics metrics) {
        this.routes = routes;
        this.sender = sender;
        this.backoff = backoff;
        this.retry = retry;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    LlmResponse call(LlmRequest request, CallContext context) throws InterruptedException {
        CallObserver observer = context.observer();
        int circuitWaits = 0;
        for (int attempt = 1; ; ) {
            if (Thread.interrupted()) {
                throw new InterruptedException("model call cancelled before attempt " + attempt);
            }
            Target target = null;
            try {
                target = routes.choose(request.model(), observer);
                return sender.send(target, request, attempt, observer);
            } catch (LlmException failure) {
                boolean circuitOpen = target == null && failure.errorClass() == LlmErrorClass.CIRCUIT_OPEN;
                Duration wait = circuitOpen
                        ? waitForProbe(++circuitWaits, failure, context)
                        : waitBeforeRetry(attempt, failure, context);
                String provider = circuitOpen ? routes.primary().provider() : target.provider();
                String model = circuitOpen ? routes.primary().modelFor(request.model()) : target.model();
                metrics.retry(provider, model, failure.errorClass());
                observer.onRetry(attempt, failure.errorClass(), failure.getMessage(), wait);
                sleeper.sleep(wait);
                attempt += circuitOpen ? 0 : 1;
            }
        }
    }

    /** The wait before the next attempt, or the failure that ends the call. */
    private Duration waitBeforeRetry(int attempt, LlmException failure, CallContext context) {
        if (!failure.errorClass().retryable()) {
            throw failure;
        }
        if (attempt >= retry.maxAttempts()) {
            throw gaveUp(failure, "all " + attempt + " attempts failed (navi.llm.retry.max-attempts)");
        }
        Duration wait = backoff.after(attempt, failure);
        takeRetry(failure, context);
        return wait;
    }

    /**
     * The wait for an open circuit to let a probe through: until it half-opens, or a backoff while it is
     * half open with its probes taken. Each wait is a retry from the task's budget; it sends nothing, so
     * it does not count as an attempt.
     */
    private Duration waitForProbe(int circuitWaits, LlmException failure, CallContext context) {
        Duration untilProbe = failure.retryAfter().orElse(Duration.ZERO);
        Duration wait = probeWait(untilProbe, () -> backoff.jittered(circuitWaits));
        takeRetry(failure, context);
        return wait;
    }

    /**
     * Until the circuit half-opens, else the backoff; never under a millisecond, so that an announced
     * wait ({@code waitMs}) is never 0 when the circuit was a fraction of a millisecond from half-opening
     * or the jitter drew 0.
     */
    static Duration probeWait(Duration untilProbe, Supplier<Duration> backoff) {
        Duration wait = untilProbe.isPositive() ? untilProbe : backoff.get();
        return wait.compareTo(SHORTEST_PROBE_WAIT) < 0 ? SHORTEST_PROBE_WAIT : wait;
    }

    private void takeRetry(LlmException failure, CallContext context) {
        if (!context.tryTakeRetry(retry.taskRetryBudget())) {
            throw gaveUp(
                    failure,
                    "the task's retry budget of " + retry.taskRetryBudget()
                            + " retries is spent (navi.llm.retry.task-retry-budget)");
        }
    }

    private static LlmException gaveUp(LlmException failure, String why) {
        return new LlmException(
                failure.errorClass(),
                failure.httpStatus(),
                failure.getMessage() + " (gave up: " + why + ")",
                failure.retryAfter().orElse(null),
                failure);
    }
}
