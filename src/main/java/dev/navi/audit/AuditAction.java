package dev.navi.audit;

import java.util.Locale;

/** What was done. Stored, filtered and shown as its {@link #wireName()} ({@code command_run}). */
public enum AuditAction {
    TASK_SUBMITTED,
    TASK_CANCELLED,
    APPROVAL_DECIDED,
    AUTH_FAILED,
    ADMIN_READ,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    COMMAND_RUN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action with this wire name (case-insensitive). */
    public static AuditAction fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
