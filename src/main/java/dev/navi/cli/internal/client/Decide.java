package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;

/** Approving and denying: one request, {@code {"decision", "reason"}}, and what became of the approval. */
final class Decide {

    private Decide() {}

    static int decide(ConnectionOptions connection, String id, String approval, String decision, String reason) {
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
