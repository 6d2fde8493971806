package dev.navi.llm.internal;

import dev.navi.llm.ToolCall;
import java.util.List;

/** A model's reply as read from the wire, before timing and cost are added. */
record ParsedReply(String text, List<ToolCall> toolCalls, long inputTokens, long outputTokens, String stopReason) {

    ParsedReply {
        toolCalls = List.copyOf(toolCalls);
        stopReason = stopReason == null ? "" : stopReason;
    }
}
