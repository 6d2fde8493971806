package dev.navi.llm.internal;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.TokenUsage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The LLM meters. Labels are bounded: providers and error classes are closed sets, and a model is
 * named only when the configuration knows it (see {@link ModelLabels}), else it is {@code other}.
 */
final class LlmMetrics {

    static final String OK = "ok";
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)
    };

    private final MeterRegistry registry;
    private final ModelLabels labels;

    LlmMetrics(MeterRegistry registry, ModelLabels labels) {
        this.registry = registry;
        this.labels = labels;
    }

    ModelLabels labels() {
        return labels;
    }

    /** Registers the meters of a provider and model at zero, so they are visible before the first call. */
    void registerEagerly(String provider, String model) {
        attempts(provider, model, OK);
        attemptDuration(provider, model, OK);
        for (LlmErrorClass errorClass : LlmErrorClass.values()) {
            attempts(provider, model, errorClass.wireName());
            if (errorClass.retryable()) {
                retries(provider, model, errorClass);
            }
        }
        timeToFirstToken(provider, model);
        tokens(provider, model, "input");
        tokens(provider, model, "output");
        cost(provider, model);
        unpriced(provider, model);
        rateLimiterWait(provider);
    }

    void attempt(String provider, String model, String outcome, Duration duration) {
        attempts(provider, model, outcome).increment();
        attemptDuration(provider, model, outcome).record(duration);
    }

    void reply(String provider, String model, TokenUsage usage, Duration timeToFirstToken) {
        if (timeToFirstToken != null) {
            timeToFirstToken(provider, model).record(timeToFirstToken);
        }
        tokens(provider, model, "input").increment(usage.inputTokens());
        tokens(provider, model, "output").increment(usage.outputTokens());
        if (usage.costKnown()) {
            cost(provider, model).increment(usage.costUsd().doubleValue());
        } else {
            unpriced(provider, model).increment();
        }
    }

    void retry(String provider, String model, LlmErrorClass errorClass) {
        retries(provider, model, errorClass).increment();
    }

    void rateLimiterWaited(String provider, Duration wait) {
        rateLimiterWait(provider).record(wait);
    }

    /** One gauge per state, 1 for the breaker's current state and 0 for the others. */
    void registerCircuit(String provider, String model, Supplier<CircuitBreaker.State> state) {
        for (String name : new String[] {"closed", "open", "half_open"}) {
            Gauge.builder("navi.llm.circuit.state", () -> stateName(state.get()).equals(name) ? 1 : 0)
                    .description("1 for the current state of the circuit breaker of a provider and model, else 0")
                    .tags("provider", provider, "model", labels.of(model), "state", name)
                    .register(registry);
        }
    }

    static String stateName(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> "open";
            case HALF_OPEN -> "half_open";
            case CLOSED, DISABLED, METRICS_ONLY -> "closed";
        };
    }

    private Counter attempts(String provider, String model, String outcome) {
        return Counter.builder("navi.llm.attempts")
                .description("HTTP attempts at model calls, by outcome (ok or the error class)")
                .tags("provider", provider, "model", labels.of(model), "outcome", outcome)
                .register(registry);
    }

    private Timer attemptDuration(String provider, String model, String outcome) {
        return Timer.builder("navi.llm.attempt.duration")
                .description("Duration of HTTP attempts at model calls, by outcome")
                .tags("provider", provider, "model", labels.of(model), "outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Timer timeToFirstToken(String provider, String model) {
        return Timer.builder("navi.llm.time.to.first.token")
                .description("Time from sending a model call to the first content of its reply")
                .tags("provider", provider, "model", labels.of(model))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter tokens(String provider, String model, String direction) {
        return Counter.builder("navi.llm.tokens")
                .description("Tokens of successful model calls, input or output")
                .tags("provider", provider, "model", labels.of(model), "direction", direction)
                .register(registry);
    }

    private Counter cost(String provider, String model) {
        return Counter.builder("navi.llm.cost")
                .description("Cost of successful model calls in US dollars")
                .baseUnit("usd")
                .tags("provider", provider, "model", labels.of(model))
                .register(registry);
    }

    private Counter unpriced(String provider, String model) {
        return Counter.builder("navi.llm.unpriced.replies")
                .description("Successful model calls whose model has no known price: their cost is unknown")
                .tags("provider", provider, "model", labels.of(model))
                .register(registry);
    }

    private Counter retries(String provider, String model, LlmErrorClass errorClass) {
        return Counter.builder("navi.llm.retries")
                .description("Retries of model calls, by the error class of the failed attempt")
                .tags("provider", provider, "model", labels.of(model), "error_class", errorClass.wireName())
                .register(registry);
    }

    private Timer rateLimiterWait(String provider) {
        return Timer.builder("navi.llm.ratelimiter.wait")
                .description("Time calls waited for the client-side rate limiter of a provider")
                .tags("provider", provider)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    static String providerName(ProviderChoice.Protocol protocol) {
        return protocol.name().toLowerCase(Locale.ROOT);
    }
}
