package dev.navi;

import org.springframework.test.context.TestPropertySource;

/** The fault matrix over the anthropic protocol, blocking. */
@TestPropertySource(
        properties = {
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=sk-ant-test",
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim",
            "navi.database.embedded-data-directory=${navi.home}/pgdata-fault-anthropicblocking",
            "navi.llm.stream=false"
        })
class LlmFaultAnthropicBlockingIT extends LlmFaultMatrixIT {

    @Override
    String variant() {
        return "anthropic blocking";
    }
}
