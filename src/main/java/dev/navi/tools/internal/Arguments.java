package dev.navi.tools.internal;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON object of a tool call's arguments, read with messages the model can act on. */
final class Arguments {

    private final JsonNode object;

    private Arguments(JsonNode object) {
        this.object = object;
    }

    /** Blank arguments count as an empty object: models send them for calls without parameters. */
    static Arguments parse(String json) {
        if (json == null || json.isBlank()) {
            return new Arguments(JsonMapper.shared().createObjectNode());
        }
        JsonNode node;
        try {
            node = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            throw new ToolException("The arguments are not valid JSON (" + e.getOriginalMessage()
                    + "). Send the arguments as one JSON object.");
        }
        if (node == null || !node.isObject()) {
            throw new ToolException("The arguments must be a JSON object, but were "
                    + (node == null ? "empty" : node.getNodeType().name().toLowerCase()) + ".");
        }
        return new Arguments(node);
    }

    String requiredString(String name) {
        return optionalString(name)
                .orElseThrow(() -> new ToolException("Missing required field '" + name + "' (a string)."));
    }

    String string(String name, String defaultValue) {
        return optionalString(name).orElse(defaultValue);
    }

    Optional<String> optionalString(String name) {
        return field(name).map(value -> {
            if (!value.isString()) {
                throw wrongType(name, "a string", value);
            }
            return value.stringValue();
        });
    }

    int integer(String name, int defaultValue) {
        return optionalInteger(name).orElse(defaultValue);
    }

    Optional<Integer> optionalInteger(String name) {
        return field(name).map(value -> {
            if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
                throw wrongType(name, "an integer", value);
            }
            return value.asInt();
        });
    }

    /** A field that is absent or JSON null counts as not given. */
    private Optional<JsonNode> field(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static ToolException wrongType(String name, String expected, JsonNode value) {
        return new ToolException("Field '" + name + "' must be " + expected + ", but was "
                + value.getNodeType().name().toLowerCase() + " " + abbreviate(value.toString()) + ".");
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
