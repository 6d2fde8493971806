package dev.navi.llm.internal;

import dev.navi.llm.LlmException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Resilience4j circuit breaker per provider and model, made on first use. Only retryable failures
 * count; the others (a bad request, a wrong key) say nothing about the provider's health.
 */
final class CircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    private final CircuitBreakerConfig config;
    private final LlmMetrics metrics;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    CircuitBreakers(LlmProperties.CircuitBreaker properties, LlmMetrics metrics) {
        this.metrics = metrics;
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumCalls())
                .failureRateThreshold(properties.failureRateThreshold())
                .waitDurationInOpenState(properties.openDuration())
                .permittedNumberOfCallsInHalfOpenState(properties.halfOpenCalls())
                .ignoreException(failure -> !(failure instanceof LlmException llm)
                        || !llm.errorClass().retryable())
                .build();
    }

    CircuitBreaker of(String provider, String model) {
        return breakers.computeIfAbsent(provider + "/" + model, name -> create(name, provider, model));
    }

    private CircuitBreaker create(String name, String provider, String model) {
        CircuitBreaker breaker = CircuitBreaker.of(name, config);
        breaker.getEventPublisher()
                .onStateTransition(event -> log.warn(
                        "Circuit of {}: {}", name, event.getStateTransition().name()));
        metrics.registerCircuit(provider, model, breaker::getState);
        return breaker;
    }
}
