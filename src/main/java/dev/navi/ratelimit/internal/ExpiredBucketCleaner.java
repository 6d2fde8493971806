package dev.navi.ratelimit.internal;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Deletes bucket rows past their {@code expires_at} (Bucket4j sets it to when the bucket is full again, plus a
 * grace period): a caller who stopped calling leaves no row behind. Every process runs it; the delete skips
 * rows another transaction holds, so two cleaners never wait on each other or on a request.
 */
class ExpiredBucketCleaner implements SmartLifecycle {

    /** Rounds of one cleanup, so that a huge backlog is worked off over several intervals. */
    static final int MAX_ROUNDS = 20;

    private static final Logger log = LoggerFactory.getLogger(ExpiredBucketCleaner.class);

    private final ExpiredEntriesCleaner cleaner;
    private final TaskScheduler scheduler;
    private final RateLimitProperties properties;
    private volatile ScheduledFuture<?> cleaning;

    ExpiredBucketCleaner(ExpiredEntriesCleaner cleaner, TaskScheduler scheduler, RateLimitProperties properties) {
        this.cleaner = cleaner;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    /** Returns the rows deleted. */
    int clean() {
        int removed = 0;
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                int batch = cleaner.removeExpired(properties.cleanupBatchSize());
                removed += batch;
                if (batch < properties.cleanupBatchSize()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Cannot delete expired rate limit buckets; trying again in {}", properties.cleanupInterval(), e);
        }
        if (removed > 0) {
            log.debug("Deleted {} expired rate limit buckets", removed);
        }
        return removed;
    }

    @Override
    public void start() {
        cleaning = scheduler.scheduleWithFixedDelay(this::clean, properties.cleanupInterval());
    }

    @Override
    public void stop() {
        var current = cleaning;
        if (current != null) {
            current.cancel(false);
            cleaning = null;
        }
    }

    @Override
    public boolean isRunning() {
        return cleaning != null;
    }
}
