package dev.navi.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void whenRestartedOnTheSameDataDirectoryThenDataSurvives() throws Exception {
        var properties = new DatabaseProperties(null, null, null, home.resolve("pgdata"), 0, 2, Duration.ofSeconds(10));
        var configuration = new DataSourceConfiguration();

        try (var server = configuration.embeddedServer(properties);
                var dataSource = configuration.dataSource(properties, server)) {
            var jdbc = JdbcClient.create(dataSource);
            jdbc.sql("create table kept (value text)").update();
            jdbc.sql("insert into kept values ('still here')").update();
        }
        try (var server = configuration.embeddedServer(properties);
                var dataSource = configuration.dataSource(properties, server)) {
            var value = JdbcClient.create(dataSource)
                    .sql("select value from kept")
                    .query(String.class)
                    .single();

            assertThat(value).isEqualTo("still here");
        }
    }

    @Test
    void whenADatabaseUrlIsConfiguredThenNoEmbeddedServerStarts() {
        var properties = new DatabaseProperties(
                "jdbc:postgresql://127.0.0.1:1/navi", "navi", "secret", home, 0, 2, Duration.ofSeconds(1));

        var server = new DataSourceConfiguration().embeddedServer(properties);

        assertThat(server).isSameAs(DataSourceConfiguration.EmbeddedServer.NONE);
    }
}
