package dev.navi.events.internal;

import dev.navi.redaction.Redactor;
import java.util.ArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Redacts every string of an event's data in place: tool output, model text, error messages alike. A NUL
 * character, which a {@code jsonb} value cannot hold (PostgreSQL refuses {@code \u0000} and the whole
 * transaction with it), is stored as U+FFFD, the replacement character.
 */
final class RedactedJson {

    private static final char NUL = '\u0000';
    private static final char REPLACEMENT = '\uFFFD';

    private RedactedJson() {}

    private static String stored(String text, Redactor redactor) {
        String redacted = redactor.redact(text);
        return redacted.indexOf(NUL) < 0 ? redacted : redacted.replace(NUL, REPLACEMENT);
    }

    static void redact(JsonNode node, Redactor redactor) {
        switch (node) {
            case ObjectNode object -> {
                for (String name : new ArrayList<>(object.propertyNames())) {
                    JsonNode value = object.get(name);
                    if (value.isString()) {
                        String text = value.stringValue();
                        String redacted = stored(text, redactor);
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
                        array.set(i, StringNode.valueOf(stored(value.stringValue(), redactor)));
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
