package dev.navi.database.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedServer.NONE;
        }
        return EmbeddedServer.start(properties);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedServer embedded) {
        var config = new HikariConfig();
        config.setPoolName("navi");
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }

    /** The embedded PostgreSQL server, or nothing when a database URL is configured. */
    record EmbeddedServer(EmbeddedPostgres postgres) implements AutoCloseable {

        static final EmbeddedServer NONE = new EmbeddedServer(null);

        static EmbeddedServer start(DatabaseProperties properties) {
            var dataDirectory = properties.embeddedDataDirectory();
            try {
                Files.createDirectories(dataDirectory);
                var builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        // Spring stops the server after the worker has ended its tasks; the library's
                        // own JVM hook would stop it concurrently, under the tasks' last writes
                        .setRegisterShutdownHook(false)
                        .setServerConfig("listen_addresses", "127.0.0.1");
                if (properties.embeddedPort() > 0) {
                    builder.setPort(properties.embeddedPort());
                }
                var postgres = builder.start();
                log.info("Embedded PostgreSQL started on port {}", postgres.getPort());
                return new EmbeddedServer(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDirectory, e);
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
