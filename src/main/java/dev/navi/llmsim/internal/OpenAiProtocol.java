package dev.navi.llmsim.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAI Chat Completions API ({@code POST /v1/chat/completions}). */
final class OpenAiProtocol implements Protocol {

    private final JsonMapper mapper;

    OpenAiProtocol(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String toolCallIdPrefix() {
        return "call_";
    }

    @Override
    public String messageIdPrefix() {
        return "chatcmpl-";
    }

    @Override
    public String requestIdHeader() {
        return "x-request-id";
    }

    @Override
    public ParsedRequest parseRequest(JsonNode body, int bodyChars) {
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        return RequestReader.read(body, bodyChars, includeUsage);
    }

    @Override
    public String replyJson(Reply reply) {
        ObjectNode completion = head(reply, "chat.completion");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (reply.text().isEmpty() && reply.hasToolCalls()) {
            message.putNull("content");
        } else {
            message.put("content", reply.text());
        }
        if (reply.hasToolCalls()) {
            var toolCalls = message.putArray("tool_calls");
            for (Reply.ToolCall call : reply.toolCalls()) {
                toolCalls
                        .addObject()
                        .put("id", call.id())
                        .put("type", "function")
                        .putObject("function")
                        .put("name", call.name())
                        .put("arguments", call.arguments());
            }
        }
        choice.putNull("logprobs").put("finish_reason", finishReason(reply));
        completion.set("usage", usage(reply));
        return mapper.writeValueAsString(completion);
    }

    @Override
    public List<String> replyFrames(Reply reply) {
        return new OpenAiStream(mapper, reply, head(reply, "chat.completion.chunk"), finishReason(reply), usage(reply))
                .frames();
    }

    @Override
    public VendorError statusError(Fault.Status fault) {
        VendorError base = fault.errorType()
                .or(fault::code)
                .flatMap(OpenAiErrors::named)
                .orElseGet(() -> OpenAiErrors.forStatus(fault.status()));
        return new VendorError(
                fault.status(),
                fault.errorType().orElse(base.type()),
                fault.code().orElse(base.code()),
                fault.message().orElse(base.message()));
    }

    @Override
    public VendorError streamError(Fault.StreamError fault) {
        String name = fault.errorType().orElse("server_error");
        Optional<VendorError> known = OpenAiErrors.named(name);
        VendorError base = known.orElseGet(() -> OpenAiErrors.forStatus(500));
        return new VendorError(
                base.status(),
                known.map(VendorError::type).orElse(name),
                base.code(),
                fault.message().orElse(base.message()));
    }

    @Override
    public VendorError invalidRequest(String message) {
        return new VendorError(400, "invalid_request_error", null, message);
    }

    @Override
    public String errorJson(VendorError error) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode detail = body.putObject("error")
                .put("message", error.message())
                .put("type", error.type())
                .putNull("param");
        if (error.code() == null) {
            detail.putNull("code");
        } else {
            detail.put("code", error.code());
        }
        return mapper.writeValueAsString(body);
    }

    @Override
    public String errorFrame(VendorError error) {
        return "data: " + errorJson(error) + "\n\n";
    }

    private ObjectNode head(Reply reply, String object) {
        return mapper.createObjectNode()
                .put("id", reply.id())
                .put("object", object)
                .put("created", Instant.now().getEpochSecond())
                .put("model", reply.model());
    }

    private ObjectNode usage(Reply reply) {
        return mapper.createObjectNode()
                .put("prompt_tokens", reply.usage().input())
                .put("completion_tokens", reply.usage().output())
                .put("total_tokens", reply.usage().total());
    }

    private static String finishReason(Reply reply) {
        return reply.hasToolCalls() ? "tool_calls" : "stop";
    }
}
