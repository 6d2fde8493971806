package dev.navi.llm.internal;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * The client-side limits of one provider, shared by every task of the process: requests per minute and
 * (worst-case) tokens per minute, each a Resilience4j limiter refilled every minute. A call reserves
 * its permits, then waits (interruptibly) until they are due.
 */
final class ProviderRateLimiter {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final String provider;
    private final Optional<RateLimiter> requests;
    private final Optional<RateLimiter> tokens;
    private final int tokensPerMinute;
    private final Duration ceiling;
    private final Sleeper sleeper;
    private final LlmMetrics metrics;

    ProviderRateLimiter(
            String provider, LlmProperties.RateLimit limits, Duration ceiling, Sleeper sleeper, LlmMetrics metrics) {
        this.provider = provider;
        this.requests = limiter(provider + "-requests", limits.requestsPerMinute(), ceiling);
        this.tokens = limiter(provider + "-tokens", limits.tokensPerMinute(), ceiling);
        this.tokensPerMinute = limits.tokensPerMinute();
        this.ceiling = ceiling;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    /** Waits until one more request of {@code worstCaseTokens} tokens is within the limits. */
    void acquire(long worstCaseTokens) throws InterruptedException {
        long requestNanos = reserve(requests, 1);
        long tokenNanos = reserve(tokens, (int) Math.min(Math.max(worstCaseTokens, 1), Math.max(tokensPerMinute, 1)));
        Duration wait = Duration.ofNanos(Math.max(requestNanos, tokenNanos));
        metrics.rateLimiterWaited(provider, wait);
        if (wait.isPositive()) {
            sleeper.sleep(wait);
        }
    }

    private long reserve(Optional<RateLimiter> limiter, int permits) {
        if (limiter.isEmpty()) {
            return 0;
        }
        long nanos = limiter.get().reservePermission(permits);
        if (nanos < 0) {
            throw new LlmException(
                    LlmErrorClass.RATE_LIMITED,
                    "the client-side rate limit of " + provider + " (navi.llm.rate-limit.*) would hold this call"
                            + " longer than " + ceiling.toSeconds() + " s");
        }
        return nanos;
    }

    private static Optional<RateLimiter> limiter(String name, int perMinute, Duration ceiling) {
        if (perMinute <= 0) {
            return Optional.empty();
        }
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(perMinute)
                .limitRefreshPeriod(PERIOD)
                .timeoutDuration(ceiling)
                .build();
        return Optional.of(RateLimiter.of(name, config));
    }
}
