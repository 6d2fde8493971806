package dev.navi.llm.internal;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The wait before the next attempt: the provider's {@code Retry-After} (or rate-limit reset) when it
 * sent one, else capped exponential backoff with full jitter. A provider wait above the ceiling is not
 * waited: the call fails as {@code rate_limited}.
 */
final class Backoff {

    private final LlmProperties.Retry retry;
    private final RandomGenerator random;

    Backoff(LlmProperties.Retry retry, RandomGenerator random) {
        this.retry = retry;
        this.random = random;
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    Duration after(int attempt, LlmException failure) {
        if (failure.retryAfter().isEmpty()) {
            return jittered(attempt);
        }
        Duration asked = failure.retryAfter().get();
        if (asked.compareTo(retry.maxRetryAfter()) > 0) {
            throw new LlmException(
                    LlmErrorClass.RATE_LIMITED,
                    failure.httpStatus(),
                    "the provider asked to wait " + asked.toSeconds() + " s before retrying, more than the ceiling of "
                            + retry.maxRetryAfter().toSeconds() + " s (navi.llm.retry.max-retry-after): "
                            + failure.getMessage(),
                    asked,
                    failure);
        }
        return asked;
    }

    /** A random wait between 0 and min(max-backoff, initial-backoff × 2^(attempt-1)). */
    Duration jittered(int attempt) {
        long capNanos = cap(attempt).toNanos();
        return capNanos <= 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(capNanos + 1));
    }

    Duration cap(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration cap = retry.initialBackoff().multipliedBy(1L << doublings);
        return cap.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : cap;
    }
}
