package dev.navi.tasks;

import java.util.Locale;

/** Where an approval stands. Every status but {@code pending} is final. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    DENIED,
    /** Nobody decided before its expiry: the call is refused like a denied one. */
    EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApprovalStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
