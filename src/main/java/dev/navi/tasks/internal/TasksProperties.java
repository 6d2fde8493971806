package dev.navi.tasks.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
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
 * @param defaultOwner owner recorded for tasks submitted without authentication
 * @param allowedModels models a task may name; empty accepts any name (models neither listed here nor
 *     priced share the metric label {@code other} and a bounded set of circuit breakers)
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
        @DefaultValue("anonymous") String defaultOwner,
        @DefaultValue List<String> allowedModels) {}
