package dev.navi.workspace;

/** A workspace that cannot be used: unknown, outside the roots, not clonable, or too large. */
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
        /** The path does not exist. */
        NOT_FOUND,
        /** The git server (or the directory of a {@code file://} URL) has no such repository. */
        GIT_REPOSITORY_NOT_FOUND,
        /** The repository has no branch or tag of that name. */
        GIT_REF_NOT_FOUND,
        /** The copy holds more than {@code navi.workspace.max-copy-bytes}. */
        TOO_LARGE,
        /** Copying or cloning failed, or the git server could not be reached. */
        UNAVAILABLE
    }
}
