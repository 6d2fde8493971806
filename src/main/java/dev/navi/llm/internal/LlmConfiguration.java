package dev.navi.llm.internal;

import dev.navi.llm.LlmGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the LLM gateway from {@link LlmProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    @Bean
    CallWatchdog llmCallWatchdog() {
        return new CallWatchdog();
    }

    @Bean
    LlmGateway llmGateway(LlmProperties properties, CallWatchdog watchdog, ObjectProvider<MeterRegistry> registry) {
        LlmMetrics metrics = new LlmMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
        Gateways.Services runtime =
                new Gateways.Services(watchdog, Clock.systemUTC(), metrics, Sleeper.REAL, RandomGenerator.getDefault());
        return Gateways.create(properties, runtime);
    }
}
