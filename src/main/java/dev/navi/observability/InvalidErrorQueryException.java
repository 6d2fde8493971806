package dev.navi.observability;

/** A page of error events asked for out of range; the web module answers it as a 400 problem. */
public class InvalidErrorQueryException extends RuntimeException {

    private final String field;

    public InvalidErrorQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The query parameter at fault. */
    public String field() {
        return field;
    }
}
