package dev.navi.tasks;

import java.util.Locale;

public enum TaskStatus {
    QUEUED,
    RUNNING,
    /** Waiting for a decision on a tool call; no worker holds it (it is neither queued nor running). */
    WAITING_APPROVAL,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return switch (this) {
            case QUEUED, RUNNING, WAITING_APPROVAL -> false;
            case SUCCEEDED, FAILED, CANCELLED -> true;
        };
    }

    public static TaskStatus fromWireName(String name) {
        for (var status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown task status '" + name + "'");
    }
}
