package dev.navi.tasks;

import java.util.UUID;

public class ApprovalNotFoundException extends RuntimeException {

    public ApprovalNotFoundException(UUID taskId, UUID approvalId) {
        super("Task " + taskId + " has no approval " + approvalId);
    }
}
