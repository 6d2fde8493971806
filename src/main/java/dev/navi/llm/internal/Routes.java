package dev.navi.llm.internal;

import dev.navi.llm.CallObserver;
import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import java.time.Duration;
import java.util.Optional;

/**
 * Chooses where an attempt goes: the primary while its circuit lets it through, else the fallback while
 * its circuit does, else nowhere: {@code circuit_open}, whose {@code retryAfter} is the time until the
 * primary's circuit lets a probe through. The permission of the chosen breaker is held by the returned
 * target and must be settled by the attempt.
 */
final class Routes {

    private final Route primary;
    private final Optional<Route> fallback;
    private final CircuitBreakers breakers;

    Routes(Route primary, Optional<Route> fallback, CircuitBreakers breakers) {
        this.primary = primary;
        this.fallback = fallback;
        this.breakers = breakers;
    }

    Route primary() {
        return primary;
    }

    Optional<Route> fallback() {
        return fallback;
    }

    Target choose(String requestedModel, CallObserver observer) {
        String model = primary.modelFor(requestedModel);
        Breaker breaker = breakers.of(primary.provider(), model);
        if (breaker.tryAcquirePermission()) {
            return new Target(primary, model, breaker);
        }
        observer.onCircuitOpen(primary.provider(), model);
        if (fallback.isPresent()) {
            Route route = fallback.get();
            String fallbackModel = route.modelFor(requestedModel);
            Breaker fallbackBreaker = breakers.of(route.provider(), fallbackModel);
            if (fallbackBreaker.tryAcquirePermission()) {
                observer.onFallback(primary.provider(), model, route.provider(), fallbackModel);
                return new Target(route, fallbackModel, fallbackBreaker);
            }
            observer.onCircuitOpen(route.provider(), fallbackModel);
        }
        Duration untilProbe = breaker.untilProbe();
        throw new LlmException(
                LlmErrorClass.CIRCUIT_OPEN,
                0,
                "the circuit breaker of " + primary.provider() + "/" + model
                        + " is open after repeated failures and no fallback can take the call; it lets a probe"
                        + " through after navi.llm.circuit-breaker.open-duration",
                untilProbe,
                null);
    }
}
