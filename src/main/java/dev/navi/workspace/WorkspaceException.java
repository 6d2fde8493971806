package dev.navi.workspace;

/** A workspace that cannot be used: unknown, outside the root, or not clonable. */
public class WorkspaceException extends RuntimeException {

    private final Reason reason;

    public WorkspaceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public WorkspaceException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        /** The request names a path that is absolute, contains {@code ..}, or is otherwise malformed. */
        INVALID,
        /** The path or repository does not exist. */
        NOT_FOUND,
        /** Copying or cloning failed. */
        UNAVAILABLE
    }
}
