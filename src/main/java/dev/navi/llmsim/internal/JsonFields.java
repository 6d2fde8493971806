package dev.navi.llmsim.internal;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Typed, validating reads of optional fields of a script's JSON object. */
final class JsonFields {

    private final JsonNode node;
    private final String where;

    JsonFields(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidScriptException(where + " must be a JSON object");
        }
        this.node = node;
        this.where = where;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    Optional<String> string(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isString()) {
            throw invalid(field, "must be a string");
        }
        return Optional.of(value.stringValue());
    }

    long number(String field, long fallback, long min) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || value.asLong() < min) {
            throw invalid(field, "must be an integer >= " + min);
        }
        return value.asLong();
    }

    int integer(String field, int fallback, int min) {
        return Math.toIntExact(number(field, fallback, min));
    }

    JsonNode object(String field) {
        JsonNode value = node.get(field);
        if (!value.isObject()) {
            throw invalid(field, "must be a JSON object");
        }
        return value;
    }

    Iterable<JsonNode> array(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw invalid(field, "must be an array");
        }
        return value.values();
    }

    InvalidScriptException invalid(String field, String problem) {
        return new InvalidScriptException(where + "." + field + " " + problem);
    }
}
