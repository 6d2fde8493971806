package dev.navi.observability.internal;

import java.io.Console;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Plain log lines on an interactive terminal and for {@code NAVI_LOG_FORMAT=text}; JSON otherwise, and always
 * under the {@code production} profile (docs/logging.md). Anything set explicitly
 * ({@code logging.structured.format.console} in the environment, on the command line or as a system property) wins,
 * because this source sits just below the system environment.
 */
class LogFormatDefault implements EnvironmentPostProcessor {

    static final String FORMAT_PROPERTY = "logging.structured.format.console";
    static final String FORMAT_VARIABLE = "NAVI_LOG_FORMAT";
    static final String PRODUCTION_PROFILE = "production";
    private static final String PLAIN_TEXT = "";

    private final BooleanSupplier terminal;

    LogFormatDefault() {
        this(LogFormatDefault::onTerminal);
    }

    LogFormatDefault(BooleanSupplier terminal) {
        this.terminal = terminal;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var chosen = environment.getProperty(FORMAT_VARIABLE);
        var plain = chosen == null
                ? !environment.matchesProfiles(PRODUCTION_PROFILE) && terminal.getAsBoolean()
                : chosen.equals("text");
        if (plain) {
            var source = new MapPropertySource("naviLogFormat", Map.of(FORMAT_PROPERTY, PLAIN_TEXT));
            var sources = environment.getPropertySources();
            if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addLast(source);
            }
        }
    }

    /** Both standard input and output are a terminal: someone is watching. */
    private static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }
}
