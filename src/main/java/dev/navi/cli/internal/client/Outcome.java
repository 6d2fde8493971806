package dev.navi.cli.internal.client;

import dev.navi.cli.internal.ExitCodes;

/** A finished task's exit code: its terminal event type or its status. */
final class Outcome {

    private Outcome() {}

    static int ofTerminalEvent(String type) {
        return ofStatus(type.replaceFirst("^task\\.", ""));
    }

    static int ofStatus(String status) {
        return switch (status) {
            case "succeeded" -> ExitCodes.SUCCEEDED;
            case "cancelled" -> ExitCodes.CANCELLED;
            default -> ExitCodes.FAILED;
        };
    }
}
