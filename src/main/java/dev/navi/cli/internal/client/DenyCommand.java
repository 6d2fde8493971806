package dev.navi.cli.internal.client;

import dev.navi.cli.internal.ConnectionOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code navi deny ID APPROVAL}: decides a tool call the task waits on; the task goes back to the queue. */
@Command(name = "deny", description = "Deny a tool call a task waits on.")
public final class DenyCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "ID", description = "The task's id")
    String id;

    @Parameters(
            index = "1",
            paramLabel = "APPROVAL",
            description = "The approval's id (from the approval.requested line)")
    String approval;

    @Option(names = "--reason", paramLabel = "R", description = "Why (the model is told, for a denial)")
    String reason;

    @Override
    public Integer call() {
        return Decide.decide(connection, id, approval, "deny", reason);
    }
}
