package dev.navi.events.internal;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An event as stored: envelope plus the event's own fields. */
record StoredEvent(UUID taskId, long seq, String type, Instant ts, JsonNode data) {

    boolean terminal() {
        return dev.navi.events.TaskEvent.isTerminal(type);
    }

    /** The JSON sent to clients: {@code taskId}, {@code seq}, {@code type}, {@code ts}, then the fields. */
    ObjectNode toWire(ObjectNode target) {
        target.put("taskId", taskId.toString());
        target.put("seq", seq);
        target.put("type", type);
        target.put("ts", ts.toString());
        data.properties().forEach(field -> target.set(field.getKey(), field.getValue()));
        return target;
    }
}
