package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.workspace.Workspaces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class WorkspaceConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(WorkspaceConfiguration.class, TaskWorkspaces.class, CheckpointStore.class)
            // checkpoints need a database only when one is stored: a data source that is never connected
            .withBean(JdbcClient.class, () -> JdbcClient.create(new DriverManagerDataSource()))
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void whenTheDirectoriesAreSetThenTheDefaultsFillTheRest() {
        runner.withPropertyValues(
                        "navi.workspace.root=/srv/navi/workspaces", "navi.workspace.tasks-directory=/srv/navi/tasks")
                .run(context -> {
                    WorkspaceProperties properties = context.getBean(WorkspaceProperties.class);
                    assertThat(properties.root()).isEqualTo(Path.of("/srv/navi/workspaces"));
                    assertThat(properties.tasksDirectory()).isEqualTo(Path.of("/srv/navi/tasks"));
                    assertThat(properties.cloneTimeout()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.maxDiffBytes()).isEqualTo(5 * 1024 * 1024);
                    assertThat(properties.maxDiffFileSize()).isEqualTo(2 * 1024 * 1024);
                    assertThat(properties.maxCheckpointBytes()).isEqualTo(16 * 1024 * 1024);
                    assertThat(context).hasSingleBean(Workspaces.class);
                });
    }

    @Test
    void whenTheRootIsNotSetThenTheContextFailsNamingTheProperty() {
        runner.withPropertyValues("navi.workspace.tasks-directory=/srv/navi/tasks")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("navi.workspace.root"));
    }
}
