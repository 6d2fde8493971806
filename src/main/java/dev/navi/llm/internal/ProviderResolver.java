package dev.navi.llm.internal;

import dev.navi.llm.internal.ProviderChoice.Configured;
import dev.navi.llm.internal.ProviderChoice.Protocol;
import dev.navi.llm.internal.ProviderChoice.Unconfigured;
import java.util.Locale;

/** Resolves the provider, model, base URL and key from {@link LlmProperties} or {@link ProviderSettings}. */
final class ProviderResolver {

    static final String NOTHING_CONFIGURED = "No LLM provider is configured. Set NAVI_LLM_PROVIDER=anthropic and"
            + " ANTHROPIC_API_KEY, or NAVI_LLM_PROVIDER=openai and OPENAI_API_KEY. For an OpenAI-compatible"
            + " server set NAVI_LLM_PROVIDER=openai and NAVI_LLM_BASE_URL (e.g. http://localhost:8000/v1), plus"
            + " OPENAI_API_KEY if the server needs one.";
    static final String ANTHROPIC_WITHOUT_KEY = "NAVI_LLM_PROVIDER is anthropic but no Anthropic API key is set:"
            + " set ANTHROPIC_API_KEY (property navi.llm.anthropic-api-key).";
    static final String OPENAI_WITHOUT_KEY = "NAVI_LLM_PROVIDER is openai but no OpenAI API key is set: set"
            + " OPENAI_API_KEY (property navi.llm.openai-api-key), or NAVI_LLM_BASE_URL for an OpenAI-compatible"
            + " server that needs no key.";

    private static final String ANTHROPIC_MODEL = "claude-sonnet-4-5";
    private static final String ANTHROPIC_URL = "https://api.anthropic.com";
    private static final String OPENAI_MODEL = "gpt-4.1";
    private static final String OPENAI_URL = "https://api.openai.com/v1";

    private ProviderResolver() {}

    static ProviderChoice resolve(LlmProperties properties) {
        return resolve(ProviderSettings.primary(properties));
    }

    static ProviderChoice resolve(ProviderSettings properties) {
        String provider = properties.provider().strip().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "anthropic" -> anthropic(properties);
            case "openai" -> openai(properties);
            case "" -> automatic(properties);
            default ->
                new Unconfigured("Unknown NAVI_LLM_PROVIDER '" + properties.provider()
                        + "': use anthropic or openai, or leave it empty to choose by the API key that is set.");
        };
    }

    private static ProviderChoice automatic(ProviderSettings properties) {
        if (!properties.anthropicApiKey().isBlank()) {
            return anthropic(properties);
        }
        if (!properties.openaiApiKey().isBlank()) {
            return openai(properties);
        }
        return new Unconfigured(NOTHING_CONFIGURED);
    }

    private static ProviderChoice anthropic(ProviderSettings properties) {
        if (properties.anthropicApiKey().isBlank()) {
            return new Unconfigured(ANTHROPIC_WITHOUT_KEY);
        }
        return configured(Protocol.ANTHROPIC, properties, ANTHROPIC_MODEL, ANTHROPIC_URL, properties.anthropicApiKey());
    }

    private static ProviderChoice openai(ProviderSettings properties) {
        if (properties.openaiApiKey().isBlank() && properties.baseUrl().isBlank()) {
            return new Unconfigured(OPENAI_WITHOUT_KEY);
        }
        return configured(Protocol.OPENAI, properties, OPENAI_MODEL, OPENAI_URL, properties.openaiApiKey());
    }

    private static ProviderChoice configured(
            Protocol protocol, ProviderSettings properties, String defaultModel, String defaultUrl, String apiKey) {
        String baseUrl = orDefault(properties.baseUrl(), defaultUrl);
        return BaseUrls.problem(baseUrl)
                .<ProviderChoice>map(Unconfigured::new)
                .orElseGet(() ->
                        new Configured(protocol, orDefault(properties.model(), defaultModel), baseUrl, apiKey.strip()));
    }

    private static String orDefault(String value, String fallback) {
        return value.isBlank() ? fallback : value.strip();
    }
}
