package dev.navi.ratelimit.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Buckets in memory on a clock the test moves, for the filter's tests; the database is another test's. */
final class MemoryBuckets implements CallerBuckets.Store {

    private final AtomicLong nanos = new AtomicLong();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.computeIfAbsent(key, ignored -> {
            var builder = Bucket.builder().withCustomTimePrecision(clock);
            for (var bandwidth : configuration.get().getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    Map<String, Bucket> buckets() {
        return buckets;
    }
}
