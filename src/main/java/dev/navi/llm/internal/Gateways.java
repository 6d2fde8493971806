package dev.navi.llm.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles the gateway: wire clients, rate limiters, circuit breakers, fallback, retries, meters. */
final class Gateways {

    private static final Logger log = LoggerFactory.getLogger(Gateways.class);

    private Gateways() {}

    /** What the gateway runs on, shared with the rest of the process. */
    record Services(CallWatchdog watchdog, Clock clock, LlmMetrics metrics, Sleeper sleeper, RandomGenerator random) {}

    static DefaultLlmGateway create(LlmProperties properties, Services runtime) {
        ProviderChoice choice = ProviderResolver.resolve(properties);
        PriceTable prices = PriceTable.shippedWith(properties.prices());
        WorstCase worstCase = new WorstCase(prices);
        Optional<RetryingCaller> caller = switch (choice) {
            case ProviderChoice.Unconfigured(String reason) -> {
                log.warn("LLM calls will fail until a provider is configured: {}", reason);
                yield Optional.empty();
            }
            case ProviderChoice.Configured configured -> {
                log.info("LLM provider: {} (streaming: {})", configured, properties.stream());
                if (!prices.knows(configured.model())) {
                    log.warn(
                            "The default model {} has no price: its cost is unknown and tasks that set"
                                    + " limits.maxCostUsd are refused; price it with navi.llm.prices.[{}].*",
                            configured.model(),
                            configured.model());
                }
                yield Optional.of(caller(configured, properties, prices, runtime));
            }
        };
        return new DefaultLlmGateway(choice, caller, properties.maxOutputTokens(), worstCase, prices);
    }

    private static RetryingCaller caller(
            ProviderChoice.Configured primary, LlmProperties properties, PriceTable prices, Services runtime) {
        Map<String, ProviderRateLimiter> limiters = new HashMap<>();
        Route primaryRoute = route(primary, "", properties, prices, runtime, limiters);
        Optional<Route> fallback = fallback(properties, prices, runtime, limiters);
        runtime.metrics().registerEagerly(primaryRoute.provider(), primary.model());
        fallback.ifPresent(
                route -> runtime.metrics().registerEagerly(route.provider(), route.modelFor(primary.model())));
        CircuitBreakers breakers = new CircuitBreakers(
                properties.circuitBreaker(),
                runtime.clock(),
                runtime.metrics(),
                runtime.metrics().labels());
        breakers.of(primaryRoute.provider(), primary.model());
        return new RetryingCaller(
                new Routes(primaryRoute, fallback, breakers),
                new AttemptSender(runtime.metrics()),
                new Backoff(properties.retry(), runtime.random()),
                properties.retry(),
                runtime.sleeper(),
                runtime.metrics());
    }

    private static Optional<Route> fallback(
            LlmProperties properties, PriceTable prices, Services runtime, Map<String, ProviderRateLimiter> limiters) {
        if (!properties.fallback().configured()) {
            return Optional.empty();
        }
        return switch (ProviderResolver.resolve(ProviderSettings.fallback(properties))) {
            case ProviderChoice.Unconfigured(String reason) -> {
                log.warn("The LLM fallback is not usable: {}", reason);
                yield Optional.empty();
            }
            case ProviderChoice.Configured configured -> {
                log.info("LLM fallback: {}", configured);
                yield Optional.of(
                        route(configured, properties.fallback().model(), properties, prices, runtime, limiters));
            }
        };
    }

    private static Route route(
            ProviderChoice.Configured provider,
            String model,
            LlmProperties properties,
            PriceTable prices,
            Services runtime,
            Map<String, ProviderRateLimiter> limiters) {
        String name = LlmMetrics.providerName(provider.protocol());
        ProviderRateLimiter limiter = limiters.computeIfAbsent(
                name,
                key -> new ProviderRateLimiter(
                        key,
                        properties.rateLimit(),
                        properties.retry().maxRetryAfter(),
                        runtime.sleeper(),
                        runtime.metrics()));
        WireClient client = WireClients.create(provider, properties, prices, runtime.watchdog(), runtime.clock());
        return new Route(name, model.strip(), client, limiter);
    }
}
