package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolBox;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

class ToolsConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(ToolsConfiguration.class, WorkspaceToolBox.class);

    @Test
    void whenNothingIsConfiguredThenTheDefaultsApply() {
        runner.run(context -> {
            assertThat(context.getBean(ToolsProperties.class)).isEqualTo(ToolSettings.defaults());
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
                    assertThat(properties.sandbox()).isEqualTo(SandboxMode.AUTO);
                    assertThat(properties.sandboxNetwork()).isFalse();
                });
    }

    @Test
    void whenTheSandboxIsSwitchedOffThenItIsBoundAndNotProbed() {
        runner.withPropertyValues("navi.tools.sandbox=off", "navi.tools.sandbox-network=true")
                .run(context -> {
                    ToolsProperties properties = context.getBean(ToolsProperties.class);
                    assertThat(properties.sandbox()).isEqualTo(SandboxMode.OFF);
                    assertThat(properties.sandboxNetwork()).isTrue();
                    assertThat(context.getBean(CommandSandbox.class).unavailableReason())
                            .hasValue("navi.tools.sandbox is off");
                });
    }

    @Test
    void whenTheProductionProfileIsActiveThenTheSandboxIsRequired() throws Exception {
        var documents =
                new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));

        assertThat(documents)
                .filteredOn(source -> "production".equals(source.getProperty("spring.config.activate.on-profile")))
                .singleElement()
                .satisfies(source ->
                        assertThat(source.getProperty("navi.tools.sandbox")).hasToString("required"));
        assertThat(documents.getFirst().getProperty("navi.tools.sandbox")).isNull();
    }
}
