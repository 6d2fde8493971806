package dev.navi.cli;

import dev.navi.cli.internal.CliCommands;
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
}
