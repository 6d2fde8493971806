package dev.navi.cli;

import dev.navi.cli.internal.CliCommands;
import dev.navi.cli.internal.CliEnvironment;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/** Entry point of the client-side commands: parses, runs, and returns the documented exit code. */
public final class NaviCli {

    private NaviCli() {}

    /** Whether {@code command} (the first argument) is one of the command line's. */
    public static boolean handles(String command) {
        return commands().contains(command);
    }

    public static Set<String> commands() {
        return CliCommands.names();
    }

    public static int run(String... args) {
        return CliCommands.commandLine().execute(args);
    }

    /**
     * Runs a command with the given environment variables and output streams instead of the process's
     * (stdout is not a terminal then): the command line in-process, as tests run it.
     */
    public static int run(Map<String, String> environment, PrintStream out, PrintStream err, String... args) {
        var io = new CliEnvironment(Map.copyOf(environment), out, err, false);
        return ScopedValue.where(CliEnvironment.CURRENT, io)
                .call(() -> CliCommands.commandLine().execute(args));
    }
}
