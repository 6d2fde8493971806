package dev.navi.llm;

import java.util.List;

/** One model call: the whole conversation so far plus the tools the model may call. */
public record LlmRequest(
        String model, String system, List<LlmMessage> messages, List<ToolDefinition> tools, int maxOutputTokens) {

    public LlmRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
