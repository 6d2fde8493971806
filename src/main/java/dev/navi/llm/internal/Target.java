package dev.navi.llm.internal;

/** The route one attempt takes, the model it is sent for, and the breaker whose permission it holds. */
record Target(Route route, String model, Breaker breaker) {

    String provider() {
        return route.provider();
    }
}
