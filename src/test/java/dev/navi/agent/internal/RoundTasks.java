package dev.navi.agent.internal;

import dev.navi.tasks.ApprovalMode;
import dev.navi.tasks.Task;
import java.util.UUID;

/** A running task as a tool round sees it: only its id, tenant, owner, prompt and approval mode matter. */
final class RoundTasks {

    private RoundTasks() {}

    static Task task(ApprovalMode approvals) {
        return new Task(
                UUID.randomUUID(),
                "default",
                "alice",
                null,
                "p",
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                approvals);
    }
}
