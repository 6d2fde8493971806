package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"navi.llm.provider=", "navi.llm.anthropic-api-key=", "navi.llm.openai-api-key="})
class NoProviderIT extends NaviIntegrationTest {

    @Test
    void whenNoProviderIsConfiguredThenTheServiceStartsAndTasksFailSayingWhatToSet() {
        var id = submit("default", NaviHome.workspace("no-provider", "a.txt", "a"), null)
                .get("id")
                .asString();

        var finished = awaitFinished(id);

        assertThat(finished.get("status").asString()).isEqualTo("failed");
        assertThat(finished.get("stopReason").asString()).isEqualTo("llm_error");
        assertThat(finished.get("error").get("class").asString()).isEqualTo("not_configured");
        assertThat(finished.get("error").get("message").asString()).contains("NAVI_LLM_PROVIDER");
    }
}
