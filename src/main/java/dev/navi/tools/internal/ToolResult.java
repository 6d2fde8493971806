package dev.navi.tools.internal;

/** What a tool produced, before it is timed and capped into a {@link dev.navi.tools.ToolOutcome}. */
record ToolResult(String output, Integer exitCode, boolean failed) {

    static ToolResult succeeded(String output) {
        return new ToolResult(output, null, false);
    }

    static ToolResult command(String output, int exitCode) {
        return new ToolResult(output, exitCode, false);
    }

    static ToolResult failed(String output) {
        return new ToolResult(output, null, true);
    }
}
