package dev.navi.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ConfiguredSecretsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "navi.llm.anthropic-api-key",
                "navi.llm.openai-api-key",
                "navi.llm.openaiApiKey",
                "navi.web.jwt-secret",
                "navi.audit.key",
                "navi.database.password",
                "navi.web.api-keys[0]",
                "navi.git.token",
                "navi.audit.previous-keys.k1",
                "navi.security.jwt.secret"
            })
    void whenTheNameEndsInASecretWordThenItIsASecret(String name) {
        assertThat(ConfiguredSecrets.isSecretName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "navi.llm.model",
                "navi.llm.keyboard-layout",
                "spring.datasource.url",
                "other.api-key",
                "navi.audit.key-id",
                "navi.security.admin-token-file"
            })
    void whenTheNameIsAnyOtherThenItIsNot(String name) {
        assertThat(ConfiguredSecrets.isSecretName(name)).isFalse();
    }

    @Test
    void whenSecretsAreConfiguredThenTheirResolvedValuesAreCollected() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "navi.llm.anthropic-api-key", "${KEY_SOURCE}",
                                "KEY_SOURCE", "sk-ant-resolved-value",
                                "navi.llm.model", "claude")));

        assertThat(ConfiguredSecrets.of(environment)).containsExactly("sk-ant-resolved-value");
    }
}
