package dev.navi.tasks.internal;

import dev.navi.tasks.QuotaExceededException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The per-tenant task quotas ({@code navi.tasks.quotas.*}), checked in the database. */
@Component
class TenantQuotas {

    /** The first key of the advisory locks that serialise one tenant's submissions (any constant). */
    private static final int SUBMISSION_LOCKS = 0x4e415649;

    private final JdbcClient jdbc;
    private final TasksProperties.Quotas quotas;
    private final Counter queuedRejections;

    TenantQuotas(JdbcClient jdbc, TasksProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.quotas = properties.quotas();
        this.queuedRejections = Counter.builder("navi.quota.rejections")
                .description("Requests refused because a tenant was at a quota")
                .tag("quota", "queued")
                .register(registry);
    }

    /**
     * Refuses a submission when the tenant has its most tasks queued. Call it in the transaction that
     * inserts the task: it holds the tenant's lock until that commits, so no two submissions of a tenant
     * count at once.
     *
     * @throws QuotaExceededException at the quota
     */
    void requireQueueRoom(String tenant) {
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:tenant))")
                .param("space", SUBMISSION_LOCKS)
                .param("tenant", tenant)
                .query((rs, row) -> 1)
                .single();
        long queued = jdbc.sql("select count(*) from tasks where tenant = :tenant and status = 'queued'")
                .param("tenant", tenant)
                .query(Long.class)
                .single();
        int max = quotas.maxQueued(tenant);
        if (queued >= max) {
            queuedRejections.increment();
            throw new QuotaExceededException(
                    "queued",
                    max,
                    quotas.retryAfter(),
                    "The tenant already has " + queued + " queued tasks; its quota is " + max
                            + " (navi.tasks.quotas): try again when some have started");
        }
    }

    /** Tenants with a running quota of their own, in the order of {@link #runningOverrideLimits()}. */
    String[] runningOverrideTenants() {
        return quotas.tenants().entrySet().stream()
                .filter(entry -> entry.getValue().maxRunning() != null)
                .map(java.util.Map.Entry::getKey)
                .sorted()
                .toArray(String[]::new);
    }

    Integer[] runningOverrideLimits() {
        var tenants = runningOverrideTenants();
        var limits = new Integer[tenants.length];
        for (int i = 0; i < tenants.length; i++) {
            limits[i] = quotas.maxRunning(tenants[i]);
        }
        return limits;
    }

    int defaultMaxRunning() {
        return quotas.maxRunning();
    }
}
