package dev.navi.llm.internal;

import dev.navi.llm.LlmGateway;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the LLM gateway from {@link LlmProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    CallWatchdog llmCallWatchdog() {
        return new CallWatchdog();
    }

    @Bean
    LlmGateway llmGateway(LlmProperties properties, CallWatchdog watchdog) {
        ProviderChoice choice = ProviderResolver.resolve(properties);
        Optional<WireClient> client = switch (choice) {
            case ProviderChoice.Unconfigured(String reason) -> {
                log.warn("LLM calls will fail until a provider is configured: {}", reason);
                yield Optional.empty();
            }
            case ProviderChoice.Configured configured -> {
                log.info("LLM provider: {} (streaming: {})", configured, properties.stream());
                yield Optional.of(WireClients.create(configured, properties, watchdog, Clock.systemUTC()));
            }
        };
        return new DefaultLlmGateway(choice, client, properties.maxOutputTokens());
    }
}
