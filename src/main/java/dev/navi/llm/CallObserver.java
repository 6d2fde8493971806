package dev.navi.llm;

import java.time.Duration;

/**
 * Told what happens inside one {@link LlmGateway#complete(LlmRequest, CallContext)}: every HTTP
 * attempt, every wait before a retry, every switch to the fallback. Called on the caller's thread.
 */
public interface CallObserver {

    /** Observes nothing. */
    CallObserver NONE = new CallObserver() {};

    /** An HTTP attempt is about to be sent to {@code provider} for {@code model}; {@code attempt} is 1-based. */
    default void onAttempt(String provider, String model, int attempt) {}

    /** Attempt {@code attempt} failed with a retryable {@code errorClass}; the next one follows after {@code wait}. */
    default void onRetry(int attempt, LlmErrorClass errorClass, String message, Duration wait) {}

    /** The circuit of {@code provider}/{@code model} is open: calls to it fail fast. */
    default void onCircuitOpen(String provider, String model) {}

    /** The call goes to the configured fallback because the circuit of the primary is open. */
    default void onFallback(String fromProvider, String fromModel, String toProvider, String toModel) {}
}
