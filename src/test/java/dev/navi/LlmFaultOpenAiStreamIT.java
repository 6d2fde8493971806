package dev.navi;

import org.springframework.test.context.TestPropertySource;

/** The fault matrix over the openai protocol, stream. */
@TestPropertySource(
        properties = {
            "navi.llm.provider=openai",
            "navi.llm.openai-api-key=sk-test",
            "navi.llm.base-url=${navi.it.sim-url}/v1",
            "navi.llm.model=gpt-sim",
            "navi.database.embedded-data-directory=${navi.home}/pgdata-fault-openaistream",
            "navi.llm.stream=true"
        })
class LlmFaultOpenAiStreamIT extends LlmFaultMatrixIT {

    @Override
    String variant() {
        return "openai stream";
    }
}
