package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code navi diff ID}: the task's diff, byte for byte as NAVI sends it, so {@code | git apply} works. */
@Command(name = "diff", description = "Print what a task changed (git diff --binary format): navi diff ID | git apply")
public final class DiffCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "ID", description = "The task's id")
    String id;

    @Option(
            names = "--at",
            paramLabel = "SEQ",
            description = "The diff as of the last workspace checkpoint at or before event SEQ")
    Long at;

    @Override
    public Integer call() {
        var io = CliEnvironment.current();
        var path = "/api/v1/tasks/" + Ids.task(id) + "/diff" + (at == null ? "" : "?at=" + at);
        var diff = connection.client(io.err()).getBytes(path, "text/x-diff");
        io.out().write(diff, 0, diff.length);
        io.out().flush();
        return ExitCodes.SUCCEEDED;
    }
}
