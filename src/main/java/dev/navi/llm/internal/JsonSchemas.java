package dev.navi.llm.internal;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.ToolDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Turns the JSON texts of our records into JSON trees for the wire. */
final class JsonSchemas {

    private JsonSchemas() {}

    /** A tool's parameter schema; a tool without one takes an empty object. */
    static JsonNode parameters(JsonMapper json, ToolDefinition tool) {
        String schema = tool.parametersSchemaJson();
        if (schema == null || schema.isBlank()) {
            ObjectNode empty = json.createObjectNode();
            empty.put("type", "object");
            empty.putObject("properties");
            return empty;
        }
        try {
            return json.readTree(schema);
        } catch (JacksonException invalid) {
            throw new LlmException(
                    LlmErrorClass.INVALID_REQUEST,
                    0,
                    "the parameter schema of tool '" + tool.name() + "' is not valid JSON",
                    null,
                    invalid);
        }
    }

    /** Tool call arguments as an object; invalid JSON becomes {@code {}} (the raw text stays elsewhere). */
    static JsonNode argumentsObject(JsonMapper json, String argumentsJson) {
        try {
            JsonNode parsed = json.readTree(argumentsJson == null ? "" : argumentsJson);
            return parsed != null && parsed.isObject() ? parsed : json.createObjectNode();
        } catch (JacksonException invalid) {
            return json.createObjectNode();
        }
    }
}
