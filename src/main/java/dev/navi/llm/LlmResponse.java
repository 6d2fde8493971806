package dev.navi.llm;

import java.time.Duration;
import java.util.List;

/**
 * The model's reply to one call. A reply without tool calls ends the agent loop.
 *
 * @param latency time from sending the request to the end of the reply
 * @param timeToFirstToken time from sending the request to the first byte of content
 */
public record LlmResponse(
        String text,
        List<ToolCall> toolCalls,
        TokenUsage usage,
        String providerStopReason,
        Duration latency,
        Duration timeToFirstToken) {

    public LlmResponse {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
    }
}
