package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code approve} and {@code deny} share (a picocli mixin): the task, the approval, the reason; one
 * request, {@code {"decision", "reason"}}, and what became of the approval.
 */
final class Decide {

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

    int decide(String decision) {
        var io = CliEnvironment.current();
        var taskId = Ids.task(id);
        var body = NaviClient.json().createObjectNode().put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        var decided = connection
                .client(io.err())
                .post("/api/v1/tasks/" + taskId + "/approvals/" + Ids.approval(approval), body);
        io.out()
                .println("approval " + decided.path("id").asString(approval) + " of task " + taskId + " is "
                        + decided.path("status").asString("?") + "; the task goes on (navi watch " + taskId + ")");
        return ExitCodes.SUCCEEDED;
    }
}
