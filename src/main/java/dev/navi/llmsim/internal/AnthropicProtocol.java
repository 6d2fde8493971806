package dev.navi.llmsim.internal;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** The Anthropic Messages API ({@code POST /v1/messages}). */
final class AnthropicProtocol implements Protocol {

    private final JsonMapper mapper;

    AnthropicProtocol(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String toolCallIdPrefix() {
        return "toolu_";
    }

    @Override
    public String messageIdPrefix() {
        return "msg_";
    }

    @Override
    public String requestIdHeader() {
        return "request-id";
    }

    @Override
    public ParsedRequest parseRequest(JsonNode body, int bodyChars) {
        return RequestReader.read(body, bodyChars, false);
    }

    @Override
    public String replyJson(Reply reply) {
        ObjectNode message = messageHead(reply);
        var content = message.putArray("content");
        if (!reply.text().isEmpty()) {
            content.addObject().put("type", "text").put("text", reply.text());
        }
        for (Reply.ToolCall call : reply.toolCalls()) {
            ObjectNode block = content.addObject()
                    .put("type", "tool_use")
                    .put("id", call.id())
                    .put("name", call.name());
            block.set("input", input(call));
        }
        message.put("stop_reason", stopReason(reply)).putNull("stop_sequence");
        message.putObject("usage")
                .put("input_tokens", reply.usage().input())
                .put("output_tokens", reply.usage().output());
        return mapper.writeValueAsString(message);
    }

    @Override
    public List<String> replyFrames(Reply reply) {
        return new AnthropicStream(mapper, reply, messageHead(reply), stopReason(reply)).frames();
    }

    @Override
    public VendorError statusError(Fault.Status fault) {
        String type = fault.errorType().orElseGet(() -> AnthropicErrors.typeForStatus(fault.status()));
        String message = fault.message().orElseGet(() -> AnthropicErrors.messageForType(type));
        return new VendorError(fault.status(), type, null, message);
    }

    @Override
    public VendorError streamError(Fault.StreamError fault) {
        String type = fault.errorType().orElse("overloaded_error");
        String message = fault.message().orElseGet(() -> AnthropicErrors.messageForType(type));
        return new VendorError(AnthropicErrors.statusForType(type), type, null, message);
    }

    @Override
    public VendorError invalidRequest(String message) {
        return new VendorError(400, "invalid_request_error", null, message);
    }

    @Override
    public String errorJson(VendorError error) {
        ObjectNode body = mapper.createObjectNode().put("type", "error");
        body.putObject("error").put("type", error.type()).put("message", error.message());
        return mapper.writeValueAsString(body);
    }

    @Override
    public String errorFrame(VendorError error) {
        return "event: error\ndata: " + errorJson(error) + "\n\n";
    }

    private ObjectNode messageHead(Reply reply) {
        return mapper.createObjectNode()
                .put("id", reply.id())
                .put("type", "message")
                .put("role", "assistant")
                .put("model", reply.model());
    }

    private static String stopReason(Reply reply) {
        return reply.hasToolCalls() ? "tool_use" : "end_turn";
    }

    /** The tool input object; raw arguments that are not valid JSON are passed on as a string. */
    private JsonNode input(Reply.ToolCall call) {
        try {
            return mapper.readTree(call.arguments());
        } catch (JacksonException e) {
            return StringNode.valueOf(call.arguments());
        }
    }
}
