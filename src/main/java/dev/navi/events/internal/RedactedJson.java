package dev.navi.events.internal;

import dev.navi.redaction.Redactor;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** Redacts every string of an event's data in place: tool output, model text, error messages alike. */
final class RedactedJson {

    private RedactedJson() {}

    static void redact(JsonNode node, Redactor redactor) {
        switch (node) {
            case ObjectNode object -> {
                for (String name : new ArrayList<>(object.propertyNames())) {
                    JsonNode value = object.get(name);
                    if (value.isString()) {
                        String text = value.stringValue();
                        String redacted = redactor.redact(text);
                        if (!redacted.equals(text)) {
                            object.put(name, redacted);
                        }
                    } else {
                        redact(value, redactor);
                    }
                }
            }
            case ArrayNode array -> {
                for (int i = 0; i < array.size(); i++) {
                    JsonNode value = array.get(i);
                    if (value.isString()) {
                        array.set(i, StringNode.valueOf(redactor.redact(value.stringValue())));
                    } else {
                        redact(value, redactor);
                    }
                }
            }
            default -> {
                // numbers, booleans, nulls: nothing to redact
            }
        }
    }
}
