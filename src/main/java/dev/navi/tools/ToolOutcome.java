package dev.navi.tools;

import java.time.Duration;

/** What a tool call produced. Every outcome goes back to the model; none ends the task. */
public sealed interface ToolOutcome {

    /** Text returned to the model. */
    String output();

    Duration duration();

    /**
     * The tool ran. {@code exitCode} is set for {@code run_command} only (null otherwise); a
     * non-zero exit code is still a successful tool call.
     */
    record Succeeded(String output, Integer exitCode, Duration duration) implements ToolOutcome {}

    /** The call was refused or failed (unknown tool, bad arguments, path escape, I/O error, timeout). */
    record Failed(String output, Integer exitCode, Duration duration) implements ToolOutcome {}
}
