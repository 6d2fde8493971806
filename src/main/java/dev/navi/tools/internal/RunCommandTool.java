package dev.navi.tools.internal;

import dev.navi.tools.ToolSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/** {@code run_command}: a shell command in the workspace root, bounded in time and output. */
final class RunCommandTool implements Tool {

    private static final int OUTPUT_HEADER_RESERVE = 512;

    private final Duration defaultTimeout;
    private final Duration maxTimeout;
    private final int maxOutputBytes;
    private final long maxFileBytes;
    private final CommandSandbox sandbox;

    RunCommandTool(ToolsProperties properties, CommandSandbox sandbox) {
        this.sandbox = sandbox;
        this.maxFileBytes = properties.maxFileBytes();
        this.defaultTimeout = properties.commandTimeout();
        this.maxTimeout = properties.maxCommandTimeout();
        this.maxOutputBytes = Math.max(1024, properties.maxOutputBytes() - OUTPUT_HEADER_RESERVE);
    }

    @Override
    public boolean changesFiles() {
        return true;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(
                "run_command",
                "Run a shell command with /bin/sh -c in the workspace root and return its exit code, duration "
                        + "and combined stdout and stderr (long output keeps its beginning and end). Standard input "
                        + "is closed, so interactive commands fail; the environment holds only PATH, HOME (the "
                        + "workspace root), LANG and TERM." + confinement()
                        + " The command is killed with all its child processes when it "
                        + "times out, and background processes do not outlive it. A process cannot write a file larger "
                        + "than " + maxFileBytes + " bytes (it is stopped with exit code 153).",
                ParametersSchema.object()
                        .requiredString("command", "The shell command line, e.g. 'mvn -q test' or 'ls -la src'.")
                        .optionalInteger(
                                "timeout_seconds",
                                "Seconds before the command is killed. Default: " + defaultTimeout.toSeconds()
                                        + ", maximum: " + maxTimeout.toSeconds() + ".",
                                1,
                                (int) maxTimeout.toSeconds())
                        .json());
    }

    @Override
    public ToolResult run(WorkspacePaths workspace, Arguments arguments) throws IOException, InterruptedException {
        String command = arguments.requiredString("command");
        Duration timeout = timeout(arguments);
        if (command.isBlank()) {
            throw new ToolException("Field 'command' is empty; give the shell command to run.");
        }
        long start = System.nanoTime();
        RunCommand.Ending ending = RunCommand.run(
                sandbox, workspace.root(), FileSizeLimit.limited(command, maxFileBytes), timeout, maxOutputBytes);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String output = output(ending);
        if (ending.exitCode() == null) {
            return ToolResult.failed("Timed out after " + timeout.toSeconds() + " s; the command and its child "
                    + "processes were killed.\n" + output);
        }
        return ToolResult.command(
                "Exit code " + ending.exitCode() + " after " + seconds(took) + " s.\n" + output, ending.exitCode());
    }

    private String confinement() {
        if (!sandbox.available()) {
            return "";
        }
        return " The command runs in a sandbox: only the workspace is writable, /tmp is empty and private, the "
                + "system directories are read-only, other files of the server are not visible"
                + (sandbox.network() ? "" : ", there is no network access (no downloads)")
                + ", and CPU time, memory and processes are limited.";
    }

    private Duration timeout(Arguments arguments) {
        return arguments
                .optionalInteger("timeout_seconds")
                .map(seconds -> {
                    if (seconds < 1) {
                        throw new ToolException("Field 'timeout_seconds' must be 1 or more.");
                    }
                    Duration asked = Duration.ofSeconds(seconds);
                    return asked.compareTo(maxTimeout) > 0 ? maxTimeout : asked;
                })
                .orElse(defaultTimeout);
    }

    private static String output(RunCommand.Ending ending) {
        String text =
                ending.output().total() == 0 ? "(no output)" : ending.output().text();
        return ending.outputComplete()
                ? text
                : text + "\n[output may be incomplete: a process that escaped the kill kept it open]";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
    }
}
