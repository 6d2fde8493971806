package dev.navi.audit.internal;

import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    AuditKeys auditKeys(AuditProperties properties, Environment environment) {
        return KeySource.load(properties, environment.matchesProfiles(KeySource.PRODUCTION_PROFILE));
    }

    @Bean
    AuditStore auditStore(JdbcClient jdbc) {
        return new AuditStore(jdbc);
    }

    @Bean
    RowSeal auditRowSeal(AuditKeys keys) {
        return new RowSeal(keys);
    }

    @Bean
    AuditLog auditLog(
            AuditStore store,
            RowSeal seal,
            PlatformTransactionManager transactions,
            Clock clock,
            MeterRegistry meters) {
        return new ChainedAuditLog(store, seal, new TransactionTemplate(transactions), clock, meters);
    }

    @Bean
    AuditVerifier auditVerifier(AuditStore store, AuditKeys keys, RowSeal seal) {
        return new ChainVerifier(store, keys, seal);
    }
}
