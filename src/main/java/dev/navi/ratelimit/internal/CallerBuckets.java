package dev.navi.ratelimit.internal;

import dev.navi.ratelimit.internal.RateLimitProperties.Limit;
import dev.navi.security.Caller;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * A caller's bucket for an endpoint class: found by a key naming the class, its limit, the tenant and the
 * subject, so every process computes the same key, and a changed limit starts a fresh bucket instead of
 * reusing one shaped by the old limit (the old row expires).
 */
final class CallerBuckets {

    /** Keys longer than this (subjects are usually short) are hashed, to keep the primary key index small. */
    static final int LONGEST_PLAIN_KEY = 200;

    /** Where buckets live: the database in production, memory in tests. */
    @FunctionalInterface
    interface Store {
        Bucket bucket(String key, Supplier<BucketConfiguration> configuration);
    }

    private final RateLimitProperties properties;
    private final Store store;

    CallerBuckets(RateLimitProperties properties, Store store) {
        this.properties = properties;
        this.store = store;
    }

    /** Takes one token; throws when the store cannot be reached (the caller decides what that means). */
    Consumption tryConsume(EndpointClass endpointClass, Caller caller) {
        var limit = properties.limit(endpointClass, caller.tenant());
        var probe = store.bucket(key(endpointClass, limit, caller), () -> configuration(limit))
                .tryConsumeAndReturnRemaining(1);
        return new Consumption(
                endpointClass,
                limit,
                probe.isConsumed(),
                probe.getRemainingTokens(),
                probe.getNanosToWaitForRefill(),
                probe.getNanosToWaitForReset());
    }

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.refillPeriod())
                        .build())
                .build();
    }

    /** {@code <class>:<capacity>/<period ms>:<tenant length>:<tenant>:<subject>}: no two callers share one. */
    static String key(EndpointClass endpointClass, Limit limit, Caller caller) {
        var prefix = endpointClass.label() + ":" + limit.capacity() + "/"
                + limit.refillPeriod().toMillis() + ":";
        var who = caller.tenant().length() + ":" + caller.tenant() + ":" + caller.subject();
        var key = prefix + who;
        return key.length() <= LONGEST_PLAIN_KEY ? key : prefix + "sha256:" + sha256(who);
    }

    private static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * What one request took from its bucket.
     *
     * @param remaining tokens left after this request
     * @param nanosToRetry for a refused request, the wait until a token is there again
     * @param nanosToReset the wait until the bucket is full again
     */
    record Consumption(
            EndpointClass endpointClass,
            Limit limit,
            boolean allowed,
            long remaining,
            long nanosToRetry,
            long nanosToReset) {}
}
