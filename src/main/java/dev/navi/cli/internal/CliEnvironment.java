package dev.navi.cli.internal;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command reads from and writes to: environment variables, stdout, stderr, and whether stdout
 * is a terminal. The process's own unless {@link #CURRENT} is bound (tests run commands in-process).
 */
public record CliEnvironment(Map<String, String> variables, PrintStream out, PrintStream err, boolean terminal) {

    public static final ScopedValue<CliEnvironment> CURRENT = ScopedValue.newInstance();

    public static CliEnvironment current() {
        return CURRENT.orElse(system());
    }

    static CliEnvironment system() {
        var console = System.console();
        return new CliEnvironment(System.getenv(), System.out, System.err, console != null && console.isTerminal());
    }
}
