package dev.navi.llm.internal;

import dev.navi.llm.LlmGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the LLM gateway from {@link LlmProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    @Bean
    CallWatchdog llmCallWatchdog() {
        return new CallWatchdog();
    }

    @Bean
    LlmGateway llmGateway(
            LlmProperties properties,
            CallWatchdog watchdog,
            ObjectProvider<MeterRegistry> registry,
            Environment environment) {
        ModelLabels labels =
                ModelLabels.of(properties, PriceTable.shippedWith(properties.prices()), allowedModels(environment));
        LlmMetrics metrics = new LlmMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), labels);
        Gateways.Services runtime =
                new Gateways.Services(watchdog, Clock.systemUTC(), metrics, Sleeper.REAL, RandomGenerator.getDefault());
        return Gateways.create(properties, runtime);
    }

    /** The tasks module's allowed models: names a task may send, so they are worth a label of their own. */
    private static List<String> allowedModels(Environment environment) {
        return Binder.get(environment)
                .bind("navi.tasks.allowed-models", Bindable.listOf(String.class))
                .orElse(List.of());
    }
}
