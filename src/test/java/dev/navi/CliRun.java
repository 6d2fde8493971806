package dev.navi;

import dev.navi.cli.NaviCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The command line run in-process with its own environment and captured output. */
final class CliRun {

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {}

    private final Map<String, String> environment;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    CliRun(Map<String, String> environment) {
        this.environment = environment;
    }

    static Result run(Map<String, String> environment, String... args) {
        var run = new CliRun(environment);
        var exitCode = run.execute(args);
        return new Result(exitCode, run.out(), run.err());
    }

    int execute(String... args) {
        return NaviCli.run(
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    /** What was printed so far (another thread may still be running the command). */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
