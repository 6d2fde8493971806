package dev.navi.llm.internal;

import dev.navi.llm.CallContext;
import dev.navi.llm.CallObserver;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import java.time.Duration;

/**
 * The retry policy of one call: non-retryable failures end it at once; retryable ones are tried again
 * after a backoff, until the attempts per call or the task's retry budget run out.
 */
final class RetryingCaller {

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
        for (int attempt = 1; ; attempt++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("model call cancelled before attempt " + attempt);
            }
            Target target = routes.choose(request.model(), observer);
            try {
                return sender.send(target, request, attempt, observer);
            } catch (LlmException failure) {
                Duration wait = waitBeforeRetry(attempt, failure, context);
                metrics.retry(target.provider(), target.model(), failure.errorClass());
                observer.onRetry(attempt, failure.errorClass(), failure.getMessage(), wait);
                sleeper.sleep(wait);
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
        if (!context.tryTakeRetry(retry.taskRetryBudget())) {
            throw gaveUp(
                    failure,
                    "the task's retry budget of " + retry.taskRetryBudget()
                            + " retries is spent (navi.llm.retry.task-retry-budget)");
        }
        return wait;
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
