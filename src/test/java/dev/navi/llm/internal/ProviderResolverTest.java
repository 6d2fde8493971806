package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.internal.ProviderChoice.Configured;
import dev.navi.llm.internal.ProviderChoice.Protocol;
import dev.navi.llm.internal.ProviderChoice.Unconfigured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProviderResolverTest {

    static LlmProperties properties(
            String provider, String model, String baseUrl, String anthropicKey, String openaiKey) {
        return new LlmProperties(
                provider,
                model,
                baseUrl,
                anthropicKey,
                openaiKey,
                true,
                4096,
                Duration.ofSeconds(10),
                Duration.ofSeconds(120),
                Duration.ofSeconds(60),
                Map.of(),
                PropertyDefaults.RETRY,
                PropertyDefaults.CIRCUIT_BREAKER,
                PropertyDefaults.NO_FALLBACK,
                PropertyDefaults.NO_RATE_LIMIT);
    }

    @Nested
    class Automatic {

        @Test
        void whenAnthropicKeyIsSetThenAnthropicWithDefaults() {
            assertThat(ProviderResolver.resolve(properties("", "", "", "sk-ant", "sk-oai")))
                    .isEqualTo(new Configured(
                            Protocol.ANTHROPIC, "claude-sonnet-4-5", "https://api.anthropic.com", "sk-ant"));
        }

        @Test
        void whenOnlyOpenAiKeyIsSetThenOpenAiWithDefaults() {
            assertThat(ProviderResolver.resolve(properties("", "", "", "", "sk-oai")))
                    .isEqualTo(new Configured(Protocol.OPENAI, "gpt-4.1", "https://api.openai.com/v1", "sk-oai"));
        }

        @Test
        void whenNoKeyIsSetThenUnconfiguredWithWhatToSet() {
            ProviderChoice choice = ProviderResolver.resolve(properties("", "", "", "", ""));

            assertThat(choice).isInstanceOf(Unconfigured.class);
            assertThat(((Unconfigured) choice).reason())
                    .contains("NAVI_LLM_PROVIDER", "ANTHROPIC_API_KEY", "OPENAI_API_KEY", "NAVI_LLM_BASE_URL");
        }
    }

    @Nested
    class Explicit {

        @Test
        void whenAnthropicWithoutKeyThenUnconfigured() {
            assertThat(ProviderResolver.resolve(properties("anthropic", "", "", "", "sk-oai")))
                    .isEqualTo(new Unconfigured(ProviderResolver.ANTHROPIC_WITHOUT_KEY));
        }

        @Test
        void whenOpenAiWithBaseUrlAndNoKeyThenConfiguredWithoutKey() {
            assertThat(ProviderResolver.resolve(properties("OpenAI", "llama", "http://localhost:8000/v1/", "", "")))
                    .isEqualTo(new Configured(Protocol.OPENAI, "llama", "http://localhost:8000/v1/", ""));
        }

        @Test
        void whenOpenAiWithoutKeyOrBaseUrlThenUnconfigured() {
            assertThat(ProviderResolver.resolve(properties("openai", "", "", "sk-ant", "")))
                    .isEqualTo(new Unconfigured(ProviderResolver.OPENAI_WITHOUT_KEY));
        }

        @Test
        void whenProviderIsUnknownThenUnconfiguredNamingIt() {
            ProviderChoice choice = ProviderResolver.resolve(properties("gemini", "", "", "k", "k"));

            assertThat(((Unconfigured) choice).reason()).contains("'gemini'", "anthropic or openai");
        }

        @Test
        void whenBaseUrlIsNotHttpThenUnconfigured() {
            ProviderChoice choice = ProviderResolver.resolve(properties("openai", "", "localhost:8000", "", ""));

            assertThat(((Unconfigured) choice).reason()).contains("NAVI_LLM_BASE_URL");
        }

        @Test
        void whenKeyIsSetThenItNeverAppearsInTheDescription() {
            ProviderChoice choice = ProviderResolver.resolve(properties("anthropic", "", "", "sk-secret", ""));

            assertThat(choice.toString()).doesNotContain("sk-secret");
        }
    }
}
