package dev.navi.database.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the data source connects: the embedded server, or the configured URL. Boot builds the pool
 * from these connection details, so {@code spring.datasource.hikari.*} applies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedServer.NONE;
        }
        return EmbeddedServer.start(properties);
    }

    @Bean
    EmbeddedServerSupervisor embeddedServerSupervisor(
            EmbeddedServer embeddedServer, DatabaseProperties properties, ApplicationEventPublisher publisher) {
        return new EmbeddedServerSupervisor(embeddedServer, properties, publisher);
    }

    @Bean
    JdbcConnectionDetails naviConnectionDetails(DatabaseProperties properties, EmbeddedServer embeddedServer) {
        if (embeddedServer.isEmbedded()) {
            return new Details(embeddedServer.jdbcUrl(), EmbeddedAuthentication.USER, embeddedServer.password());
        }
        return new Details(properties.url(), properties.username(), properties.password());
    }

    @Bean
    static BeanPostProcessor naviPoolSettings(Environment environment) {
        return new PoolSettings(environment);
    }

    private record Details(String url, String username, String password) implements JdbcConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return url;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public String getPassword() {
            return password;
        }
    }
}
