package dev.navi.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Boot builds the pool: NAVI's settings and every other {@code spring.datasource.hikari.*} apply. */
class DataSourceConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(DataSourceConfiguration.class)
            .withPropertyValues(
                    "navi.database.url=jdbc:postgresql://127.0.0.1:1/navi",
                    "navi.database.username=navi",
                    "navi.database.password=secret");

    @Test
    void whenADatabaseUrlIsConfiguredThenThePoolConnectsThereWithNavisSettings() {
        runner.withPropertyValues("navi.database.max-pool-size=7", "navi.database.connection-timeout=1500ms")
                .run(context -> {
                    var pool = context.getBean(HikariDataSource.class);

                    assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/navi");
                    assertThat(pool.getUsername()).isEqualTo("navi");
                    assertThat(pool.getPassword()).isEqualTo("secret");
                    assertThat(pool.getPoolName()).isEqualTo("navi");
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
                });
    }

    @Test
    void whenNothingIsSetThenTheConnectionTimeoutIsShortSoAnOutageIsAnsweredQuickly() {
        runner.run(context -> assertThat(context.getBean(HikariDataSource.class).getConnectionTimeout())
                .isEqualTo(3000));
    }

    @Test
    void whenOtherHikariSettingsAreGivenThenTheyApply() {
        runner.withPropertyValues(
                        "spring.datasource.hikari.leak-detection-threshold=20000",
                        "spring.datasource.hikari.max-lifetime=600000")
                .run(context -> {
                    var pool = context.getBean(HikariDataSource.class);

                    assertThat(pool.getLeakDetectionThreshold()).isEqualTo(20000);
                    assertThat(pool.getMaxLifetime()).isEqualTo(600000);
                });
    }
}
