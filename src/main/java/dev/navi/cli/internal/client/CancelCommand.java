package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code navi cancel ID}: a queued or waiting task stops at once, a running one within a second. */
@Command(name = "cancel", description = "Cancel a task.")
public final class CancelCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "ID", description = "The task's id")
    String id;

    @Override
    public Integer call() {
        var io = CliEnvironment.current();
        var taskId = Ids.task(id);
        var task = connection
                .client(io.err())
                .post("/api/v1/tasks/" + taskId + "/cancel", NaviClient.json().createObjectNode());
        io.out()
                .println("cancel requested for task " + taskId + " (status "
                        + task.path("status").asString("?") + ")");
        return ExitCodes.SUCCEEDED;
    }
}
