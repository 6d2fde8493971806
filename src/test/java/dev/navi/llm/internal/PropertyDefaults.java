package dev.navi.llm.internal;

import java.time.Duration;

/** The defaults of the nested LLM settings, as the binder gives them, for tests that build properties by hand. */
final class PropertyDefaults {

    static final LlmProperties.Retry RETRY =
            new LlmProperties.Retry(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 20);
    static final LlmProperties.CircuitBreaker CIRCUIT_BREAKER =
            new LlmProperties.CircuitBreaker(50, 10, 20, Duration.ofSeconds(30), 2);
    static final LlmProperties.Fallback NO_FALLBACK = new LlmProperties.Fallback("", "", "");
    static final LlmProperties.RateLimit NO_RATE_LIMIT = new LlmProperties.RateLimit(0, 0);

    private PropertyDefaults() {}
}
