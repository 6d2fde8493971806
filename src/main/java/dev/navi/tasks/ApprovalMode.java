package dev.navi.tasks;

import java.util.Locale;

/** Which tool calls of a task wait for a person's approval, chosen at submission. */
public enum ApprovalMode {
    /** None. */
    NEVER,
    /** {@code run_command} only. */
    COMMANDS,
    /** Every call that can change the workspace: {@code write_file}, {@code edit_file} and {@code run_command}. */
    WRITES;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApprovalMode fromWireName(String name) {
        for (var mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown approval mode '" + name + "'");
    }
}
