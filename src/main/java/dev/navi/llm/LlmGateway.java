package dev.navi.llm;

/**
 * The one entry point the rest of NAVI uses to call a model. The configured provider and model are
 * chosen here; a request whose model is null uses the configured default model.
 */
public interface LlmGateway {

    /**
     * Sends one call and waits for the whole reply (streamed or not, as configured). Retryable failures
     * are retried with backoff within the configured limits and the context's retry budget, through the
     * per-provider rate limiter and circuit breaker; each attempt and wait is reported to the context's
     * observer.
     *
     * @throws LlmException classified, when the call fails for good (the last attempt's class)
     * @throws InterruptedException when the calling thread is interrupted (task cancelled); the HTTP
     *     exchange or the backoff wait is abandoned at once and no further attempt is made
     */
    LlmResponse complete(LlmRequest request, CallContext context) throws InterruptedException;

    /** {@link #complete(LlmRequest, CallContext)} with a context of its own. */
    default LlmResponse complete(LlmRequest request) throws InterruptedException {
        return complete(request, CallContext.standalone());
    }

    /**
     * The most this call can consume: input tokens estimated (on the high side) from the request's size
     * plus its output token limit, priced with the price of its model (cost null when it has none).
     */
    TokenUsage worstCase(LlmRequest request);

    /**
     * Whether {@code model} (null or blank: the default model) has a known price. Without one, the cost
     * of its calls is unknown ({@link TokenUsage#costUsd()} is null) and no cost limit can be enforced.
     */
    boolean priced(String model);

    /** The model used when a task names none. */
    String defaultModel();
}
