package dev.navi.llm.internal;

import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.ToolCall;
import dev.navi.llm.ToolDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Maps a request to an OpenAI Chat Completions body, understood by compatible servers too. */
final class OpenAiRequestMapper {

    private final JsonMapper json;

    OpenAiRequestMapper(JsonMapper json) {
        this.json = json;
    }

    /** The body for a request whose model and output limit are already resolved. */
    ObjectNode toBody(LlmRequest request, boolean stream) {
        ObjectNode body = json.createObjectNode();
        body.put("model", request.model());
        body.put("max_tokens", request.maxOutputTokens());
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isBlank()) {
            message(messages, "system").put("content", request.system());
        }
        request.messages().forEach(message -> add(messages, message));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private void add(ArrayNode messages, LlmMessage message) {
        switch (message) {
            case LlmMessage.User user -> message(messages, "user").put("content", user.text());
            case LlmMessage.Assistant assistant -> addAssistant(messages, assistant);
            case LlmMessage.ToolResults results ->
                results.results()
                        .forEach(result -> message(messages, "tool")
                                .put("tool_call_id", result.toolCallId())
                                .put("content", result.content()));
        }
    }

    private void addAssistant(ArrayNode messages, LlmMessage.Assistant assistant) {
        ObjectNode message = message(messages, "assistant");
        if (assistant.text().isEmpty() && !assistant.toolCalls().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", assistant.text());
        }
        if (!assistant.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            assistant.toolCalls().forEach(call -> calls.add(toolCall(call)));
        }
    }

    private ObjectNode toolCall(ToolCall call) {
        ObjectNode node = json.createObjectNode();
        node.put("id", call.id());
        node.put("type", "function");
        node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
        return node;
    }

    private ObjectNode tool(ToolDefinition tool) {
        ObjectNode node = json.createObjectNode();
        node.put("type", "function");
        ObjectNode function = node.putObject("function");
        function.put("name", tool.name());
        function.put("description", tool.description());
        function.set("parameters", JsonSchemas.parameters(json, tool));
        return node;
    }

    private static ObjectNode message(ArrayNode messages, String role) {
        ObjectNode message = messages.addObject();
        message.put("role", role);
        return message;
    }
}
