package dev.navi.cli.internal;

import tools.jackson.databind.JsonNode;

/** One stored task event as the SSE stream delivers it ({@code id: seq}, {@code event: type}). */
public record StreamEvent(long seq, String type, JsonNode data) {

    public boolean isTerminal() {
        return switch (type) {
            case "task.succeeded", "task.failed", "task.cancelled" -> true;
            default -> false;
        };
    }
}
