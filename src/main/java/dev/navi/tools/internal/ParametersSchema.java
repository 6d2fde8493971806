package dev.navi.tools.internal;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the JSON Schema of a tool's parameters: one object with named, typed properties. */
final class ParametersSchema {

    private final ObjectNode schema = JsonMapper.shared().createObjectNode();
    private final ObjectNode properties;
    private final ArrayNode required;

    private ParametersSchema() {
        schema.put("type", "object");
        properties = schema.putObject("properties");
        required = schema.putArray("required");
        schema.put("additionalProperties", false);
    }

    static ParametersSchema object() {
        return new ParametersSchema();
    }

    ParametersSchema requiredString(String name, String description) {
        required.add(name);
        return optionalString(name, description);
    }

    ParametersSchema optionalString(String name, String description) {
        property(name, "string", description);
        return this;
    }

    ParametersSchema optionalInteger(String name, String description, int minimum, int maximum) {
        property(name, "integer", description).put("minimum", minimum).put("maximum", maximum);
        return this;
    }

    String json() {
        return schema.toString();
    }

    private ObjectNode property(String name, String type, String description) {
        return properties.putObject(name).put("type", type).put("description", description);
    }
}
