package dev.navi.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.support.EnvironmentPostProcessorsFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class LogFormatDefaultTest {

    private static final String FORMAT = LogFormatDefault.FORMAT_PROPERTY;

    /** The format after the post-processor ran on an environment with application.yaml's default. */
    private static String format(boolean terminal, Map<String, Object> settings, String... profiles) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("application", Map.of(FORMAT, "${NAVI_LOG_FORMAT:ecs}")));
        environment.setActiveProfiles(profiles);
        new LogFormatDefault(() -> terminal).postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(FORMAT);
    }

    @Nested
    class Defaults {

        @Test
        void whenOnATerminalThenPlainText() {
            assertThat(format(true, Map.of())).isEmpty();
        }

        @Test
        void whenNotOnATerminalThenJson() {
            assertThat(format(false, Map.of())).isEqualTo("ecs");
        }

        @Test
        void whenTheProductionProfileIsActiveThenJsonEvenOnATerminal() {
            assertThat(format(true, Map.of(), "production")).isEqualTo("ecs");
        }
    }

    @Nested
    class Overrides {

        @Test
        void whenNaviLogFormatIsTextThenPlainTextEvenInProduction() {
            assertThat(format(false, Map.of("NAVI_LOG_FORMAT", "text"), "production"))
                    .isEmpty();
        }

        @Test
        void whenNaviLogFormatNamesAJsonFormatThenTheTerminalDoesNotChangeIt() {
            assertThat(format(true, Map.of("NAVI_LOG_FORMAT", "logstash"))).isEqualTo("logstash");
        }

        @Test
        void whenTheFormatIsSetExplicitlyThenItWinsOnATerminal() {
            assertThat(format(true, Map.of(FORMAT, "gelf"))).isEqualTo("gelf");
        }
    }

    @Test
    void whenSpringBootLoadsEnvironmentPostProcessorsThenThisOneIsAmongThem() {
        var processors = EnvironmentPostProcessorsFactory.fromSpringFactories(
                        getClass().getClassLoader())
                .getEnvironmentPostProcessors(new DeferredLogs(), new DefaultBootstrapContext());

        assertThat(processors).hasAtLeastOneElementOfType(LogFormatDefault.class);
    }

    @Test
    void whenTheApplicationStartsThenEmbeddedPostgresOutputIsBelowInfo() throws IOException {
        var yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));

        var levels = new Binder(ConfigurationPropertySources.from(yaml.getFirst()))
                .bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
                .get();

        assertThat(levels).containsExactly(Map.entry("io.zonky.test.db.postgres", LogLevel.WARN));
    }
}
