package dev.navi.redaction.internal;

import dev.navi.redaction.Redactor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The application's {@link Redactor}, built from the configured secrets, and the log lines redacted by
 * it from the moment it exists (logging is set up before the application context, so the encoders reach
 * it through {@link Redactor#current()}).
 */
@Configuration(proxyBeanMethods = false)
class RedactionConfiguration {

    @Bean
    Redactor redactor(ConfigurableEnvironment environment) {
        var redactor = new Redactor(ConfiguredSecrets.of(environment));
        Redactor.install(redactor);
        LogRedaction.wrapEncoders();
        return redactor;
    }
}
