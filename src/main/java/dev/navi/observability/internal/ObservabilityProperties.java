package dev.navi.observability.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Metrics, logs and error events.
 *
 * @param logContent whether task activity log lines include prompts, model replies, tool arguments and
 *     tool output; off by default because they may hold source code or secrets
 *     ({@code NAVI_LOG_CONTENT})
 * @param queueGaugeInterval how often the queued and running task gauges are read from the database
 * @param errorQueueCapacity error events waiting to be written before further ones are dropped
 * @param errorsPageSize error events per page of {@code GET /api/v1/errors} when no size is given
 * @param maxErrorsPageSize the largest page size accepted by {@code GET /api/v1/errors}
 */
@ConfigurationProperties("navi.observability")
record ObservabilityProperties(
        @DefaultValue("false") boolean logContent,
        @DefaultValue("5s") Duration queueGaugeInterval,
        @DefaultValue("1000") int errorQueueCapacity,
        @DefaultValue("50") int errorsPageSize,
        @DefaultValue("200") int maxErrorsPageSize) {}
