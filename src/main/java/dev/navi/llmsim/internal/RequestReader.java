package dev.navi.llmsim.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the fields both vendors' request formats share: model, stream and messages. */
final class RequestReader {

    private RequestReader() {}

    static ParsedRequest read(JsonNode body, int bodyChars, boolean includeUsage) {
        if (!body.isObject()) {
            throw new SimRequestException("request body must be a JSON object");
        }
        JsonNode model = body.path("model");
        if (!model.isString() || model.stringValue().isBlank()) {
            throw new SimRequestException("model: field required");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray()) {
            throw new SimRequestException("messages: field required");
        }
        String firstUserText = null;
        int assistantMessages = 0;
        for (JsonNode message : messages.values()) {
            String role = message.path("role").asString("");
            if (role.equals("assistant")) {
                assistantMessages++;
            } else if (role.equals("user") && firstUserText == null) {
                firstUserText = text(message.path("content"));
            }
        }
        if (firstUserText == null) {
            throw new SimRequestException("messages: at least one user message is required");
        }
        boolean stream = body.path("stream").asBoolean(false);
        return new ParsedRequest(
                model.stringValue(), stream, includeUsage, firstUserText, assistantMessages, bodyChars);
    }

    /** The text of a message content: a string, or the {@code text} of its blocks (both vendors use that shape). */
    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.stringValue();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode block : content.values()) {
            JsonNode text = block.path("text");
            if (text.isString()) {
                parts.add(text.stringValue());
            }
        }
        return String.join("\n", parts);
    }
}
