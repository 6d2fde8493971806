package dev.navi.ratelimit.internal;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "navi.ratelimit.enabled", matchIfMissing = true)
@EnableScheduling
class RateLimitConfiguration {

    static final String TABLE = "rate_limit_buckets";

    /** How long a bucket row outlives the moment it is full again: a little slack for clock skew. */
    static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(30);

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitProxyManager(
            DataSource dataSource, RateLimitProperties properties) {
        return proxyManager(dataSource, properties);
    }

    /** The one way NAVI reaches its buckets; tests build a second one to stand for another replica. */
    static PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager(
            DataSource dataSource, RateLimitProperties properties) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .requestTimeout(properties.requestTimeout())
                .build();
    }

    @Bean
    CallerBuckets callerBuckets(
            PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager, RateLimitProperties properties) {
        return new CallerBuckets(properties, proxyManager::getProxy);
    }

    @Bean
    ExpiredBucketCleaner expiredBucketCleaner(
            PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager,
            TaskScheduler taskScheduler,
            RateLimitProperties properties) {
        return new ExpiredBucketCleaner(proxyManager, taskScheduler, properties);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            CallerBuckets buckets, JsonMapper json, MeterRegistry registry) {
        var registration =
                new FilterRegistrationBean<>(new RateLimitFilter(buckets, json, registry, Clock.systemUTC()));
        registration.setOrder(RateLimitFilter.ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
