package dev.navi.events.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An event's data as reading it back from {@code task_events} gives it, made without reading it: so an
 * event handed to a live stream from memory is sent as a replay of it would be. {@code jsonb} keeps
 * object keys shortest first, then by their UTF-8 bytes; it keeps a number's digits in plain notation,
 * which Jackson then reads as an integer when no fraction is left and as a double otherwise.
 */
final class StoredForm {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StoredForm() {}

    static JsonNode of(JsonNode node) {
        if (node.isObject()) {
            var fields = new ArrayList<Map.Entry<String, JsonNode>>(node.properties());
            fields.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
            var object = NODES.objectNode();
            fields.forEach(field -> object.set(field.getKey(), of(field.getValue())));
            return object;
        }
        if (node.isArray()) {
            var array = NODES.arrayNode(node.size());
            node.values().forEach(element -> array.add(of(element)));
            return array;
        }
        if (node.isFloatingPointNumber()) {
            return number(writtenAs(node));
        }
        return node;
    }

    /** The number as Jackson writes it into the statement. */
    private static BigDecimal writtenAs(JsonNode number) {
        if (number.isBigDecimal()) {
            return number.decimalValue();
        }
        return new BigDecimal(
                number.isFloat() ? Float.toString(number.floatValue()) : Double.toString(number.doubleValue()));
    }

    private static JsonNode number(BigDecimal value) {
        if (value.scale() > 0) {
            return NODES.numberNode(value.doubleValue());
        }
        var integer = value.toBigIntegerExact();
        if (integer.bitLength() < Integer.SIZE) {
            return NODES.numberNode(integer.intValue());
        }
        if (integer.bitLength() < Long.SIZE) {
            return NODES.numberNode(integer.longValue());
        }
        return NODES.numberNode(integer);
    }

    private static int compareKeys(String a, String b) {
        var left = a.getBytes(StandardCharsets.UTF_8);
        var right = b.getBytes(StandardCharsets.UTF_8);
        return left.length != right.length
                ? Integer.compare(left.length, right.length)
                : Arrays.compareUnsigned(left, right);
    }
}
