package dev.navi.llm.internal;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error a provider described in a body or stream event: Anthropic {@code {"type":"error","error":
 * {"type","message"}}}, OpenAI {@code {"error":{"message","type","code"}}}, or the looser shapes of
 * compatible servers. Blank strings stand for absent fields.
 */
record VendorError(String type, String code, String message) {

    private static final int MAX_RAW_MESSAGE = 200;

    static final VendorError NONE = new VendorError("", "", "");

    static VendorError parse(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        try {
            return of(json.readTree(body));
        } catch (JacksonException notJson) {
            return new VendorError("", "", abbreviate(body));
        }
    }

    static VendorError of(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isObject()) {
            return new VendorError(text(error, "type"), text(error, "code"), text(error, "message"));
        }
        if (error.isString()) {
            return new VendorError(text(root, "type"), text(root, "code"), error.asString());
        }
        String message = text(root, "message").isEmpty() ? text(root, "detail") : text(root, "message");
        return new VendorError(text(root, "type"), text(root, "code"), message);
    }

    /** True when the type or code says the account is out of quota or credit, not merely throttled. */
    boolean saysQuota() {
        return isQuota(type) || isQuota(code);
    }

    Optional<String> messageIfAny() {
        return message.isBlank() ? Optional.empty() : Optional.of(message);
    }

    private static boolean isQuota(String value) {
        return value.equals("insufficient_quota") || value.contains("billing");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : "";
    }

    private static String abbreviate(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_RAW_MESSAGE ? oneLine : oneLine.substring(0, MAX_RAW_MESSAGE) + "…";
    }
}
