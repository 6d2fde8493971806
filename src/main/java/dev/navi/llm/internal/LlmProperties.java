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
 * @param prices the price of each model, keyed by model name; a model without an entry costs 0. Model
 *     names containing dots need brackets, e.g. {@code navi.llm.prices.[gpt-4.1].input-usd-per-million-tokens}
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
        @DefaultValue Map<String, Price> prices) {

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

    @Override
    public String toString() {
        return "LlmProperties[provider=%s, model=%s, baseUrl=%s, stream=%s]"
                .formatted(provider, model, baseUrl, stream);
    }
}
