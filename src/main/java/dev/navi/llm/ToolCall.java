package dev.navi.llm;

/**
 * A tool call requested by the model. {@code argumentsJson} is passed on exactly as the model sent it:
 * it may be invalid JSON, which the agent reports back to the model as an error.
 */
public record ToolCall(String id, String name, String argumentsJson) {}
