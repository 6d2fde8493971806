package dev.navi.audit;

import java.util.Locale;

/** How the action ended: done, refused (by policy or validation) or failed (it was tried and broke). */
public enum AuditOutcome {
    SUCCEEDED,
    REFUSED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome fromWireName(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
