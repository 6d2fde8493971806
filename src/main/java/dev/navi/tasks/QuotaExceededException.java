package dev.navi.tasks;

import java.time.Duration;

/** A tenant is at one of its quotas; nothing was stored. */
public class QuotaExceededException extends RuntimeException {

    private final String quota;
    private final int limit;
    private final Duration retryAfter;

    public QuotaExceededException(String quota, int limit, Duration retryAfter, String message) {
        super(message);
        this.quota = quota;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** Which quota: {@code queued} (tasks waiting per tenant). */
    public String quota() {
        return quota;
    }

    public int limit() {
        return limit;
    }

    /** When trying again may succeed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
