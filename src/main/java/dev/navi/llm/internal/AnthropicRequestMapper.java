package dev.navi.llm.internal;

import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.ToolCall;
import dev.navi.llm.ToolDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a request to an Anthropic Messages body. Consecutive user-role messages (tool results followed
 * by user text) are merged into one, since the API expects roles to alternate.
 */
final class AnthropicRequestMapper {

    private final JsonMapper json;

    AnthropicRequestMapper(JsonMapper json) {
        this.json = json;
    }

    /** The body for a request whose model and output limit are already resolved. */
    ObjectNode toBody(LlmRequest request, boolean stream) {
        ObjectNode body = json.createObjectNode();
        body.put("model", request.model());
        body.put("max_tokens", request.maxOutputTokens());
        if (request.system() != null && !request.system().isBlank()) {
            body.put("system", request.system());
        }
        body.set("messages", messages(request));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    private ArrayNode messages(LlmRequest request) {
        ArrayNode messages = json.createArrayNode();
        for (LlmMessage message : request.messages()) {
            switch (message) {
                case LlmMessage.User user -> userContent(messages).add(textBlock(user.text()));
                case LlmMessage.Assistant assistant -> addAssistant(messages, assistant);
                case LlmMessage.ToolResults results -> {
                    ArrayNode content = userContent(messages);
                    results.results().forEach(result -> content.add(toolResultBlock(result)));
                }
            }
        }
        return messages;
    }

    /** The content of the last message if it is a user message, else of a new user message. */
    private ArrayNode userContent(ArrayNode messages) {
        if (!messages.isEmpty()) {
            ObjectNode last = (ObjectNode) messages.get(messages.size() - 1);
            if (last.path("role").asString().equals("user")) {
                return (ArrayNode) last.get("content");
            }
        }
        ObjectNode user = messages.addObject();
        user.put("role", "user");
        return user.putArray("content");
    }

    private void addAssistant(ArrayNode messages, LlmMessage.Assistant assistant) {
        if (assistant.text().isEmpty() && assistant.toolCalls().isEmpty()) {
            return;
        }
        ObjectNode message = messages.addObject();
        message.put("role", "assistant");
        ArrayNode content = message.putArray("content");
        if (!assistant.text().isEmpty()) {
            content.add(textBlock(assistant.text()));
        }
        assistant.toolCalls().forEach(call -> content.add(toolUseBlock(call)));
    }

    private ObjectNode textBlock(String text) {
        ObjectNode block = json.createObjectNode();
        block.put("type", "text");
        block.put("text", text);
        return block;
    }

    private ObjectNode toolUseBlock(ToolCall call) {
        ObjectNode block = json.createObjectNode();
        block.put("type", "tool_use");
        block.put("id", call.id());
        block.put("name", call.name());
        block.set("input", JsonSchemas.argumentsObject(json, call.argumentsJson()));
        return block;
    }

    private ObjectNode toolResultBlock(LlmMessage.ToolResult result) {
        ObjectNode block = json.createObjectNode();
        block.put("type", "tool_result");
        block.put("tool_use_id", result.toolCallId());
        block.put("content", result.content());
        block.put("is_error", result.error());
        return block;
    }

    private ObjectNode tool(ToolDefinition tool) {
        ObjectNode node = json.createObjectNode();
        node.put("name", tool.name());
        node.put("description", tool.description());
        node.set("input_schema", JsonSchemas.parameters(json, tool));
        return node;
    }
}
