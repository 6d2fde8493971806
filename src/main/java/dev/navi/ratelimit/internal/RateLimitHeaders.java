package dev.navi.ratelimit.internal;

import dev.navi.ratelimit.internal.CallerBuckets.Consumption;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;

/**
 * The headers of draft-ietf-httpapi-ratelimit-headers on every limited response ({@code RateLimit-Policy:
 * "submit";q=30;w=60}, {@code RateLimit: "submit";r=29;t=2}), and {@code Retry-After} on a refusal.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String STATE = "RateLimit";

    private RateLimitHeaders() {}

    static void apply(HttpServletResponse response, Consumption consumption) {
        response.setHeader(POLICY, policy(consumption));
        response.setHeader(STATE, state(consumption));
        if (!consumption.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(consumption)));
        }
    }

    static String policy(Consumption consumption) {
        var limit = consumption.limit();
        return "\"%s\";q=%d;w=%d"
                .formatted(consumption.endpointClass().label(), limit.capacity(), limit.windowSeconds());
    }

    static String state(Consumption consumption) {
        return "\"%s\";r=%d;t=%d"
                .formatted(
                        consumption.endpointClass().label(),
                        Math.max(0, consumption.remaining()),
                        wholeSeconds(consumption.nanosToReset()));
    }

    /** Whole seconds, at least one: a client retrying at once would only be refused again. */
    static long retryAfterSeconds(Consumption consumption) {
        return Math.max(1, wholeSeconds(consumption.nanosToRetry()));
    }

    /** Rounded up, so that a client waiting that long finds the token there. */
    private static long wholeSeconds(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long perSecond = TimeUnit.SECONDS.toNanos(1);
        return nanos / perSecond + (nanos % perSecond == 0 ? 0 : 1);
    }
}
