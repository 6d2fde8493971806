package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolBox;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ToolsConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(ToolsConfiguration.class, WorkspaceToolBox.class);

    @Test
    void whenNothingIsConfiguredThenTheDefaultsApply() {
        runner.run(context -> {
            assertThat(context.getBean(ToolsProperties.class)).isEqualTo(ToolsProperties.defaults());
            assertThat(context.getBean(ToolBox.class).specs()).hasSize(6);
        });
    }

    @Test
    void whenPropertiesAreSetThenTheyAreBound() {
        runner.withPropertyValues("navi.tools.command-timeout=30s", "navi.tools.max-search-results=5")
                .run(context -> {
                    ToolsProperties properties = context.getBean(ToolsProperties.class);
                    assertThat(properties.commandTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.maxSearchResults()).isEqualTo(5);
                    assertThat(properties.maxOutputBytes()).isEqualTo(32768);
                });
    }
}
