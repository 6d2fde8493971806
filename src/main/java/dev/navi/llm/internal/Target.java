package dev.navi.llm.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** The route one attempt takes, the model it is sent for, and the breaker whose permission it holds. */
record Target(Route route, String model, CircuitBreaker breaker) {

    String provider() {
        return route.provider();
    }
}
