package dev.navi;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(
        properties = {
            "navi.llm.provider=openai",
            "navi.llm.openai-api-key=sk-test",
            "navi.llm.base-url=${navi.it.sim-url}/v1",
            "navi.llm.model=gpt-sim"
        })
class OpenAiTaskIT extends TaskRunScenarios {

    @Override
    protected String protocol() {
        return "openai";
    }

    @Override
    protected String configuredModel() {
        return "gpt-sim";
    }
}
