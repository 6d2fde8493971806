package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.ConnectionOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code navi watch ID}: a task's events from the start, live until it ends; exits with its outcome. */
@Command(
        name = "watch",
        description = "Show a task's progress from its first event until it ends; exit with its outcome.")
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "ID", description = "The task's id")
    String id;

    @Option(names = "--json", description = "One event per line, as JSON")
    boolean json;

    @Option(names = "--cancel-on-exit", description = "Ctrl-C cancels the task instead of detaching")
    boolean cancelOnExit;

    @Override
    public Integer call() {
        var io = CliEnvironment.current();
        return new Follow(connection.client(io.err()), Ids.task(id), io, json, cancelOnExit).run();
    }
}
