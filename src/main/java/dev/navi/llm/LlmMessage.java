package dev.navi.llm;

import java.util.List;

/** A message of the conversation, in provider-neutral form. */
public sealed interface LlmMessage {

    record User(String text) implements LlmMessage {}

    record Assistant(String text, List<ToolCall> toolCalls) implements LlmMessage {
        public Assistant {
            text = text == null ? "" : text;
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** The results of the tool calls of the preceding assistant message, in the same order. */
    record ToolResults(List<ToolResult> results) implements LlmMessage {
        public ToolResults {
            results = List.copyOf(results);
        }
    }

    record ToolResult(String toolCallId, String content, boolean error) {}
}
