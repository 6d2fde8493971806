package dev.navi.tasks;

/** A submission or query that breaks a rule; nothing was stored. */
public class InvalidTaskException extends RuntimeException {

    private final String field;

    public InvalidTaskException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code limits.maxIterations}. */
    public String field() {
        return field;
    }
}
