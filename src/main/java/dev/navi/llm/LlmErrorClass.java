package dev.navi.llm;

/**
 * The closed set of LLM failure classes, shared by events, task errors and metrics. Classified from
 * HTTP status, headers, the vendor's error body and transport failures, never from wording alone.
 */
public enum LlmErrorClass {
    RATE_LIMITED(true),
    OVERLOADED(true),
    SERVER_ERROR(true),
    TIMEOUT(true),
    NETWORK(true),
    STREAM_INTERRUPTED(true),
    AUTH(false),
    PERMISSION(false),
    NOT_FOUND(false),
    INVALID_REQUEST(false),
    QUOTA_EXHAUSTED(false),
    /** The circuit breaker of the provider and model is open and no fallback could take the call: nothing was sent. */
    CIRCUIT_OPEN(false),
    /** No provider is configured: nothing was sent. */
    NOT_CONFIGURED(false);

    private final boolean retryable;

    LlmErrorClass(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wire name used in JSON, events and metric labels, e.g. {@code rate_limited}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
