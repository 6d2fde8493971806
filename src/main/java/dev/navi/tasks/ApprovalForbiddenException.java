package dev.navi.tasks;

import java.util.UUID;

/** Only a task's owner or an admin may decide its approvals. */
public class ApprovalForbiddenException extends RuntimeException {

    public ApprovalForbiddenException(UUID taskId) {
        super("Only the owner of task " + taskId + " or an admin may decide its approvals");
    }
}
