package dev.navi.audit;

/** Where security-relevant actions are recorded. */
public interface AuditLog {

    /**
     * Appends the entry to the chain, in the caller's transaction when one is active (the action and
     * its record then commit or roll back together), else in a transaction of its own.
     *
     * @throws AuditWriteException when the record cannot be written; it is never dropped silently
     */
    void record(AuditEntry entry);
}
