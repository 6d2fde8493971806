package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmGateway;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LlmConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(LlmConfiguration.class);

    @Nested
    class Binding {

        @Test
        void whenNothingIsSetThenDefaultsApply() {
            context.run(started -> {
                LlmProperties properties = started.getBean(LlmProperties.class);
                assertThat(properties.stream()).isTrue();
                assertThat(properties.maxOutputTokens()).isEqualTo(4096);
                assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
                assertThat(properties.firstByteTimeout()).isEqualTo(Duration.ofSeconds(120));
                assertThat(properties.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
                assertThat(properties.prices()).isEmpty();
            });
        }

        @Test
        void whenPricesUseBracketedModelNamesThenDottedNamesBind() {
            context.withPropertyValues(
                            "navi.llm.prices.[gpt-4.1].input-usd-per-million-tokens=2",
                            "navi.llm.prices.[gpt-4.1].output-usd-per-million-tokens=8")
                    .run(started -> {
                        LlmProperties.Price price =
                                started.getBean(LlmProperties.class).prices().get("gpt-4.1");
                        assertThat(price.inputUsdPerMillionTokens()).isEqualByComparingTo("2");
                        assertThat(price.outputUsdPerMillionTokens()).isEqualByComparingTo("8");
                    });
        }
    }

    @Nested
    class Gateway {

        @Test
        void whenNoProviderIsConfiguredThenContextStartsAndCallsFailWithNotConfigured() {
            LlmRequest request = new LlmRequest(null, "", List.of(new LlmMessage.User("hi")), List.of(), 0);

            context.run(started -> {
                assertThat(started).hasNotFailed();
                LlmGateway gateway = started.getBean(LlmGateway.class);
                assertThatThrownBy(() -> gateway.complete(request))
                        .isInstanceOfSatisfying(LlmException.class, failure -> {
                            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.NOT_CONFIGURED);
                            assertThat(failure.getMessage()).contains("ANTHROPIC_API_KEY", "OPENAI_API_KEY");
                        });
            });
        }

        @Test
        void whenAnthropicKeyIsSetThenDefaultModelIsAnthropics() {
            context.withPropertyValues("navi.llm.anthropic-api-key=sk-ant-test")
                    .run(started -> assertThat(started.getBean(LlmGateway.class).defaultModel())
                            .isEqualTo("claude-sonnet-4-5"));
        }

        @Test
        void whenProviderAndModelAreSetThenTheyWin() {
            context.withPropertyValues(
                            "navi.llm.provider=openai",
                            "navi.llm.model=local-llama",
                            "navi.llm.base-url=http://127.0.0.1:1/v1")
                    .run(started -> assertThat(started.getBean(LlmGateway.class).defaultModel())
                            .isEqualTo("local-llama"));
        }
    }
}
