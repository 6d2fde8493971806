package dev.navi.tasks;

/** An approval is decided once. */
public class ApprovalAlreadyDecidedException extends RuntimeException {

    private final transient Approval approval;

    public ApprovalAlreadyDecidedException(Approval approval) {
        super("Approval " + approval.id() + " was already decided: "
                + approval.status().wireName());
        this.approval = approval;
    }

    public Approval approval() {
        return approval;
    }
}
