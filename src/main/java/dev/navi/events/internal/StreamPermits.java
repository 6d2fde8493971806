package dev.navi.events.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Open streams per tenant in this process ({@code navi.events.max-streams-per-tenant}): counted in
 * memory, so with several replicas a tenant may hold that many on each.
 */
@Component
class StreamPermits {

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final int maxPerTenant;
    private final Counter rejections;

    StreamPermits(EventsProperties properties, MeterRegistry registry) {
        this.maxPerTenant = properties.maxStreamsPerTenant();
        this.rejections = Counter.builder("navi.quota.rejections")
                .description("Requests refused because a tenant was at a quota")
                .tag("quota", "streams")
                .register(registry);
    }

    /** A permit for one more stream of the tenant, or empty (counted as a rejection) at the quota. */
    Optional<Permit> acquire(String tenant) {
        var granted = new AtomicBoolean();
        open.compute(tenant, (name, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerTenant) {
                return count;
            }
            granted.set(true);
            return current + 1;
        });
        if (!granted.get()) {
            rejections.increment();
            return Optional.empty();
        }
        return Optional.of(new Permit(tenant));
    }

    int open(String tenant) {
        return open.getOrDefault(tenant, 0);
    }

    int maxPerTenant() {
        return maxPerTenant;
    }

    /** One open stream; releasing it more than once releases it once. */
    final class Permit {

        private final String tenant;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String tenant) {
            this.tenant = tenant;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(tenant, (name, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
