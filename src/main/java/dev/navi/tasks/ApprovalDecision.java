package dev.navi.tasks;

import java.util.Locale;

/** What a person decided about a pending approval. */
public enum ApprovalDecision {
    APPROVE,
    DENY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ApprovalStatus status() {
        return switch (this) {
            case APPROVE -> ApprovalStatus.APPROVED;
            case DENY -> ApprovalStatus.DENIED;
        };
    }

    public static ApprovalDecision fromWireName(String name) {
        for (var decision : values()) {
            if (decision.wireName().equals(name)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("Unknown decision '" + name + "'");
    }
}
