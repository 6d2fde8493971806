package dev.navi.llm.internal;

import dev.navi.llm.ToolCall;

/** A tool call whose id, name and arguments arrive in pieces. */
final class ToolCallDraft {

    private String id;
    private String name;
    private final StringBuilder arguments = new StringBuilder();

    ToolCallDraft(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /** Keeps the first non-empty id: later fragments may repeat it. */
    void fillId(String value) {
        if (id.isEmpty()) {
            id = value;
        }
    }

    /** Keeps the first non-empty name: later fragments may repeat it. */
    void fillName(String value) {
        if (name.isEmpty()) {
            name = value;
        }
    }

    void appendArguments(String more) {
        arguments.append(more);
    }

    /** The finished call; arguments nobody sent are an empty object. */
    ToolCall toToolCall(String fallbackId) {
        String json = arguments.isEmpty() ? "{}" : arguments.toString();
        return new ToolCall(id.isEmpty() ? fallbackId : id, name, json);
    }
}
