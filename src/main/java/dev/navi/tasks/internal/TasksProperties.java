package dev.navi.tasks.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Task defaults and the ceilings a submission may ask for.
 *
 * @param defaultMaxIterations model calls a task may make when it names no limit
 * @param ceilingMaxIterations the largest {@code limits.maxIterations} accepted
 * @param defaultMaxDuration wall-clock limit when a task names none
 * @param ceilingMaxDuration the largest {@code limits.maxDurationSeconds} accepted
 * @param defaultMaxTokens input plus output tokens a task may use when it names no limit
 * @param ceilingMaxTokens the largest {@code limits.maxTokens} accepted
 * @param defaultMaxCostUsd spend in US dollars a task may reach when it names no limit
 * @param ceilingMaxCostUsd the largest {@code limits.maxCostUsd} accepted
 * @param maxPromptChars longest prompt accepted, in characters
 * @param defaultPageSize tasks per page of {@code GET /api/v1/tasks} when no limit is given
 * @param maxPageSize the largest page size accepted
 * @param allowedModels models a task may name; empty accepts any name (models neither listed here nor
 *     priced share the metric label {@code other} and a bounded set of circuit breakers)
 * @param quotas how many tasks each tenant may have queued and running
 */
@ConfigurationProperties("navi.tasks")
record TasksProperties(
        @DefaultValue("30") int defaultMaxIterations,
        @DefaultValue("200") int ceilingMaxIterations,
        @DefaultValue("3600s") Duration defaultMaxDuration,
        @DefaultValue("3600s") Duration ceilingMaxDuration,
        @DefaultValue("2000000") long defaultMaxTokens,
        @DefaultValue("20000000") long ceilingMaxTokens,
        @DefaultValue("5.00") BigDecimal defaultMaxCostUsd,
        @DefaultValue("100.00") BigDecimal ceilingMaxCostUsd,
        @DefaultValue("100000") int maxPromptChars,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("100") int maxPageSize,
        @DefaultValue List<String> allowedModels,
        @DefaultValue Quotas quotas) {

    /**
     * Per-tenant quotas: every tenant gets the defaults unless {@code tenants} names it.
     *
     * @param maxQueued tasks a tenant may have waiting; a submission past it is refused with {@code 429
     *     quota-exceeded}
     * @param maxRunning tasks of one tenant that run at once, across all workers; its other tasks wait
     *     while other tenants' tasks are claimed
     * @param retryAfter the {@code Retry-After} of a submission refused for the queued quota
     * @param tenants overrides by tenant name ({@code navi.tasks.quotas.tenants.<tenant>.max-queued},
     *     {@code .max-running}); an override left out keeps the default
     */
    record Quotas(
            @DefaultValue("100") int maxQueued,
            @DefaultValue("10") int maxRunning,
            @DefaultValue("30s") Duration retryAfter,
            Map<String, TenantQuota> tenants) {

        Quotas {
            tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        }

        int maxQueued(String tenant) {
            var override = tenants.get(tenant);
            return override == null || override.maxQueued() == null ? maxQueued : override.maxQueued();
        }

        int maxRunning(String tenant) {
            var override = tenants.get(tenant);
            return override == null || override.maxRunning() == null ? maxRunning : override.maxRunning();
        }
    }

    /**
     * One tenant's quotas; null keeps the default.
     *
     * @param maxQueued tasks this tenant may have waiting
     * @param maxRunning tasks of this tenant that run at once
     */
    record TenantQuota(Integer maxQueued, Integer maxRunning) {}
}
