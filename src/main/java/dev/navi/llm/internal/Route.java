package dev.navi.llm.internal;

/**
 * Where a call can go: a provider's wire client and rate limiter, and the model it is sent for there.
 *
 * @param model the model to use; empty means the model of the request
 */
record Route(String provider, String model, WireClient client, ProviderRateLimiter limiter) {

    String modelFor(String requestedModel) {
        return model.isBlank() ? requestedModel : model;
    }
}
