package dev.navi.tools.internal;

/** A tool call the model must correct; the message tells it how. */
class ToolException extends RuntimeException {

    ToolException(String message) {
        super(message);
    }
}
