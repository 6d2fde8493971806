package dev.navi.llm.internal;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Resilience4j circuit breaker per provider and model, made on first use. Only failures that say
 * the provider is unwell count: a bad request or a wrong key says nothing about its health, and a rate
 * limit is back-pressure that the rate limiter and {@code Retry-After} handle. Breakers of known models
 * are kept and have gauges; those of other models are kept in a bounded map, least recently used first
 * out, so that arbitrary model names cannot grow memory.
 */
final class CircuitBreakers {

    static final int MAX_OTHER_MODELS = 64;

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    private final CircuitBreakerConfig config;
    private final Duration openDuration;
    private final Clock clock;
    private final LlmMetrics metrics;
    private final ModelLabels labels;
    private final Map<String, Breaker> known = new ConcurrentHashMap<>();
    private final Map<String, Breaker> others = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Breaker> eldest) {
            return size() > MAX_OTHER_MODELS;
        }
    };

    CircuitBreakers(LlmProperties.CircuitBreaker properties, Clock clock, LlmMetrics metrics, ModelLabels labels) {
        this.metrics = metrics;
        this.clock = clock;
        this.labels = labels;
        this.openDuration = properties.openDuration();
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumCalls())
                .failureRateThreshold(properties.failureRateThreshold())
                .waitDurationInOpenState(properties.openDuration())
                .permittedNumberOfCallsInHalfOpenState(properties.halfOpenCalls())
                .ignoreException(failure -> !countsAsIllHealth(failure))
                .clock(clock)
                .build();
    }

    static boolean countsAsIllHealth(Throwable failure) {
        return failure instanceof LlmException llm
                && llm.errorClass().retryable()
                && llm.errorClass() != LlmErrorClass.RATE_LIMITED;
    }

    Breaker of(String provider, String model) {
        String name = provider + "/" + model;
        if (labels.known(model)) {
            return known.computeIfAbsent(name, key -> create(key, provider, model, true));
        }
        synchronized (others) {
            return others.computeIfAbsent(name, key -> create(key, provider, model, false));
        }
    }

    int size() {
        synchronized (others) {
            return known.size() + others.size();
        }
    }

    private Breaker create(String name, String provider, String model, boolean gauged) {
        CircuitBreaker circuit = CircuitBreaker.of(name, config);
        Breaker breaker = new Breaker(circuit, clock, openDuration);
        circuit.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                breaker.opened();
            }
            log.warn("Circuit of {}: {}", name, event.getStateTransition().name());
        });
        if (gauged) {
            metrics.registerCircuit(provider, model, circuit::getState);
        }
        return breaker;
    }
}
