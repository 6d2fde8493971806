package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    @Test
    void whenTheFallbackNamesOnlyAModelThenItUsesThePrimarysProviderUrlAndKeys() {
        var settings = ProviderSettings.fallback(with(new LlmProperties.Fallback("", "claude-haiku-4-5", "")));

        assertThat(settings)
                .isEqualTo(new ProviderSettings(
                        "anthropic", "claude-haiku-4-5", "http://primary.example", "sk-ant", "sk-oai"));
    }

    @Test
    void whenTheFallbackIsAnotherProviderThenThePrimarysUrlIsNotCarriedOver() {
        var settings = ProviderSettings.fallback(with(new LlmProperties.Fallback("openai", "gpt-4.1-mini", "")));

        assertThat(settings).isEqualTo(new ProviderSettings("openai", "gpt-4.1-mini", "", "sk-ant", "sk-oai"));
    }

    @Test
    void whenTheFallbackHasItsOwnUrlThenItIsUsed() {
        var settings = ProviderSettings.fallback(
                with(new LlmProperties.Fallback("openai", "llama", "http://localhost:8000/v1")));

        assertThat(settings.baseUrl()).isEqualTo("http://localhost:8000/v1");
    }

    @Test
    void whenPrimaryThenTheConfiguredValuesAsTheyAre() {
        assertThat(ProviderSettings.primary(with(PropertyDefaults.NO_FALLBACK)))
                .isEqualTo(new ProviderSettings(
                        "anthropic", "claude-sonnet-4-5", "http://primary.example", "sk-ant", "sk-oai"));
    }

    private static LlmProperties with(LlmProperties.Fallback fallback) {
        return new LlmProperties(
                "anthropic",
                "claude-sonnet-4-5",
                "http://primary.example",
                "sk-ant",
                "sk-oai",
                true,
                4096,
                Duration.ofSeconds(10),
                Duration.ofSeconds(120),
                Duration.ofSeconds(60),
                Map.of(),
                PropertyDefaults.RETRY,
                PropertyDefaults.CIRCUIT_BREAKER,
                fallback,
                PropertyDefaults.NO_RATE_LIMIT);
    }
}
