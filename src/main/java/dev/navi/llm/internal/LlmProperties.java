package dev.navi.llm.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the LLM providers.
 *
 * @param provider {@code anthropic}, {@code openai} (also any OpenAI-compatible server) or empty for
 *     automatic choice: Anthropic when an Anthropic key is set, else OpenAI when an OpenAI key is set,
 *     else none (NAVI starts, but model calls fail with {@code not_configured})
 * @param model the default model; empty means {@code claude-sonnet-4-5} for Anthropic and {@code
 *     gpt-4.1} for OpenAI
 * @param baseUrl the provider's base URL; empty means {@code https://api.anthropic.com} for Anthropic
 *     and {@code https://api.openai.com/v1} for OpenAI (by convention a compatible server's URL ends in
 *     {@code /v1})
 * @param anthropicApiKey the Anthropic API key (never logged)
 * @param openaiApiKey the OpenAI API key (never logged); a compatible server reached through {@code
 *     base-url} may need none
 * @param stream whether replies are streamed (server-sent events) rather than sent in one piece
 * @param maxOutputTokens the output token limit of a call whose request sets none
 * @param connectTimeout the longest wait for a TCP/TLS connection
 * @param firstByteTimeout the longest wait from sending a request until the response headers and the
 *     first body byte have arrived
 * @param idleTimeout the longest silence between two chunks of a response body
 * @param prices the price of each model, keyed by model name, over the shipped dated table
 *     ({@code llm/prices.csv}) of the current Anthropic and OpenAI models; a model priced in neither has
 *     an unknown cost (never 0) and cannot be given a task cost limit. Model names containing dots need
 *     brackets, e.g. {@code navi.llm.prices.[gpt-4.1].input-usd-per-million-tokens}
 * @param retry how failed calls are retried
 * @param circuitBreaker when calls to a provider and model stop being sent after repeated failures
 * @param fallback where calls go while the circuit of the primary provider and model is open
 * @param rateLimit the client-side rate limit per provider, shared by all tasks of this process
 */
@ConfigurationProperties("navi.llm")
record LlmProperties(
        @DefaultValue("") String provider,
        @DefaultValue("") String model,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String anthropicApiKey,
        @DefaultValue("") String openaiApiKey,
        @DefaultValue("true") boolean stream,
        @DefaultValue("4096") int maxOutputTokens,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("120s") Duration firstByteTimeout,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue Map<String, Price> prices,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Fallback fallback,
        @DefaultValue RateLimit rateLimit) {

    LlmProperties {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /**
     * The price of one model.
     *
     * @param inputUsdPerMillionTokens US dollars per million input (prompt) tokens
     * @param outputUsdPerMillionTokens US dollars per million output (completion) tokens
     */
    record Price(
            @DefaultValue("0") BigDecimal inputUsdPerMillionTokens,
            @DefaultValue("0") BigDecimal outputUsdPerMillionTokens) {}

    /**
     * Retries of retryable failures (rate limited, overloaded, server error, timeout, network, stream
     * interrupted); other failures are never retried.
     *
     * @param maxAttempts HTTP attempts per call, the first one included
     * @param initialBackoff the cap of the first backoff wait; each later cap doubles, and the wait is
     *     drawn at random between 0 and the cap (full jitter)
     * @param maxBackoff the largest backoff cap
     * @param maxRetryAfter the longest wait NAVI accepts from a provider's {@code Retry-After} or
     *     rate-limit reset header (or its own rate limiter); a longer one fails the call as
     *     {@code rate_limited} instead of waiting
     * @param taskRetryBudget retries one task may spend over all its calls
     */
    record Retry(
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("60s") Duration maxRetryAfter,
            @DefaultValue("20") int taskRetryBudget) {}

    /**
     * A circuit breaker per provider and model (Resilience4j), counting retryable failures other than rate
     * limits. Without a fallback, calls wait for an open circuit's probe, each wait a retry from the task's
     * retry budget.
     *
     * @param failureRateThreshold the percentage of failed attempts, among the last {@code
     *     sliding-window-size}, at which the circuit opens
     * @param minimumCalls attempts recorded before the failure rate is judged
     * @param slidingWindowSize the number of most recent attempts the failure rate is computed over
     * @param openDuration how long an open circuit rejects calls before letting probes through
     * @param halfOpenCalls probe attempts allowed while half open; if they succeed the circuit closes
     */
    record CircuitBreaker(
            @DefaultValue("50") int failureRateThreshold,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("30s") Duration openDuration,
            @DefaultValue("2") int halfOpenCalls) {}

    /**
     * The fallback used while the primary circuit is open; none when both provider and model are empty.
     *
     * @param provider {@code anthropic} or {@code openai}; empty means the primary provider
     * @param model the fallback model; empty means the model of the request
     * @param baseUrl the fallback provider's base URL; empty means the primary's for the same provider,
     *     else the vendor's
     */
    record Fallback(
            @DefaultValue("") String provider,
            @DefaultValue("") String model,
            @DefaultValue("") String baseUrl) {

        boolean configured() {
            return !provider.isBlank() || !model.isBlank();
        }
    }

    /**
     * Client-side rate limits per provider, so NAVI avoids 429s instead of provoking them.
     *
     * @param requestsPerMinute requests sent per minute at most; 0 means no limit
     * @param tokensPerMinute tokens per minute at most, counted as each call's worst case (estimated
     *     input plus its output limit); 0 means no limit
     */
    record RateLimit(
            @DefaultValue("0") int requestsPerMinute,
            @DefaultValue("0") int tokensPerMinute) {}

    @Override
    public String toString() {
        return "LlmProperties[provider=%s, model=%s, baseUrl=%s, stream=%s]"
                .formatted(provider, model, baseUrl, stream);
    }
}
