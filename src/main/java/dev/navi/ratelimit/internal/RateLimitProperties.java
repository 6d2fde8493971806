package dev.navi.ratelimit.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-caller rate limits: one token bucket per endpoint class, tenant and subject, shared by every NAVI
 * process on the database (docs/rate-limits.md).
 *
 * @param enabled whether authenticated API calls are rate limited
 * @param submit task submissions and cancellations ({@code POST /api/v1/tasks}, {@code POST
 *     /api/v1/tasks/{id}/cancel})
 * @param read every other {@code GET} under {@code /api/}
 * @param stream event streams ({@code GET /api/v1/tasks/{id}/events} with {@code Accept:
 *     text/event-stream})
 * @param tenants limits of particular tenants, by tenant and class
 *     ({@code navi.ratelimit.tenants.<tenant>.submit.capacity}); what a tenant does not set comes from the
 *     class's limit
 * @param requestTimeout how long one bucket update may take in the database before the request is let
 *     through unlimited
 * @param cleanupInterval how often bucket rows that are full again (and so hold nothing a new row would
 *     not) are deleted
 * @param cleanupBatchSize the most rows one cleanup statement deletes; a cleanup repeats while batches
 *     come back full
 */
@ConfigurationProperties("navi.ratelimit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Submit submit,
        @DefaultValue Read read,
        @DefaultValue Stream stream,
        Map<String, TenantLimits> tenants,
        @DefaultValue("2s") Duration requestTimeout,
        @DefaultValue("5m") Duration cleanupInterval,
        @DefaultValue("1000") int cleanupBatchSize) {

    RateLimitProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        for (var endpointClass : EndpointClass.values()) {
            var limit = classLimit(endpointClass, submit, read, stream);
            Limit.check(limit.capacity(), limit.refillPeriod(), "navi.ratelimit." + endpointClass.label());
        }
        positive(requestTimeout, "navi.ratelimit.request-timeout");
        positive(cleanupInterval, "navi.ratelimit.cleanup-interval");
        if (cleanupBatchSize < 1) {
            throw new IllegalArgumentException("navi.ratelimit.cleanup-batch-size must be at least 1");
        }
    }

    /** The limit of a class for a tenant: the tenant's own values where it has them, else the class's. */
    Limit limit(EndpointClass endpointClass, String tenant) {
        var base = classLimit(endpointClass, submit, read, stream);
        var override = tenantLimit(tenants.get(tenant), endpointClass);
        return new Limit(
                override.capacity() != null ? override.capacity() : base.capacity(),
                override.refillPeriod() != null ? override.refillPeriod() : base.refillPeriod());
    }

    private static ClassLimit classLimit(EndpointClass endpointClass, Submit submit, Read read, Stream stream) {
        return switch (endpointClass) {
            case SUBMIT -> submit;
            case READ -> read;
            case STREAM -> stream;
        };
    }

    private static TenantLimit tenantLimit(TenantLimits limits, EndpointClass endpointClass) {
        if (limits == null) {
            return TenantLimit.NONE;
        }
        var override = switch (endpointClass) {
            case SUBMIT -> limits.submit();
            case READ -> limits.read();
            case STREAM -> limits.stream();
        };
        return override == null ? TenantLimit.NONE : override;
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** What every class setting has. */
    sealed interface ClassLimit permits Submit, Read, Stream {
        int capacity();

        Duration refillPeriod();
    }

    /**
     * @param capacity submissions a caller may make at once; the bucket then refills evenly
     * @param refillPeriod the time in which an empty bucket refills to {@code capacity}
     */
    record Submit(
            @DefaultValue("30") int capacity,
            @DefaultValue("1m") Duration refillPeriod) implements ClassLimit {}

    /**
     * @param capacity reads a caller may make at once; the bucket then refills evenly
     * @param refillPeriod the time in which an empty bucket refills to {@code capacity}
     */
    record Read(
            @DefaultValue("600") int capacity,
            @DefaultValue("1m") Duration refillPeriod) implements ClassLimit {}

    /**
     * @param capacity event streams a caller may open at once; the bucket then refills evenly
     * @param refillPeriod the time in which an empty bucket refills to {@code capacity}
     */
    record Stream(
            @DefaultValue("60") int capacity,
            @DefaultValue("1m") Duration refillPeriod) implements ClassLimit {}

    /**
     * @param submit the tenant's submit limit
     * @param read the tenant's read limit
     * @param stream the tenant's stream limit
     */
    record TenantLimits(TenantLimit submit, TenantLimit read, TenantLimit stream) {}

    /**
     * @param capacity the tenant's capacity for the class (unset: the class's)
     * @param refillPeriod the tenant's refill period for the class (unset: the class's)
     */
    record TenantLimit(Integer capacity, Duration refillPeriod) {
        static final TenantLimit NONE = new TenantLimit(null, null);

        TenantLimit {
            if (capacity != null && capacity < 1) {
                throw new IllegalArgumentException("a tenant's capacity must be at least 1");
            }
            if (refillPeriod != null && refillPeriod.compareTo(Limit.SHORTEST_PERIOD) < 0) {
                throw new IllegalArgumentException("a tenant's refill-period must be at least 1s");
            }
        }
    }

    /**
     * A bucket's size and refill, as applied.
     *
     * @param capacity tokens in a full bucket
     * @param refillPeriod time to refill an empty bucket; at least a second, the headers' unit
     */
    record Limit(int capacity, Duration refillPeriod) {
        static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);

        Limit {
            check(capacity, refillPeriod, "a rate limit");
        }

        static void check(int capacity, Duration refillPeriod, String name) {
            if (capacity < 1) {
                throw new IllegalArgumentException(name + ": capacity must be at least 1");
            }
            Objects.requireNonNull(refillPeriod, name + ": refill-period");
            if (refillPeriod.compareTo(SHORTEST_PERIOD) < 0) {
                throw new IllegalArgumentException(name + ": refill-period must be at least 1s");
            }
        }

        /** The window of the {@code RateLimit-Policy} header, in whole seconds. */
        long windowSeconds() {
            return refillPeriod.toSeconds();
        }
    }
}
