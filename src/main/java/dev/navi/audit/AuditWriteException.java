package dev.navi.audit;

/**
 * An audit record could not be written. The action it records must not go on as if it had been: a
 * caller in a transaction lets it roll the transaction back; others fail the action.
 */
public class AuditWriteException extends RuntimeException {

    public AuditWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
