package dev.navi.agent.internal;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditOutcome;
import dev.navi.tasks.Task;
import dev.navi.tools.ToolOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit record of every {@code run_command} a task executed: who (the task's owner), which task,
 * the SHA-256 of the command text (never the text) and how it ended. A record that cannot be written
 * throws, and the task fails: a command must not run on unrecorded.
 */
final class CommandAudit {

    static final String RUN_COMMAND = "run_command";
    // how RunCommandTool words a timeout; every other failed call was refused before anything ran
    private static final String TIMED_OUT = "Timed out after";

    private final AuditLog audit;

    CommandAudit(AuditLog audit) {
        this.audit = audit;
    }

    void ran(Task task, String argumentsJson, ToolOutcome outcome) {
        var details = details(argumentsJson);
        var result = switch (outcome) {
            case ToolOutcome.Succeeded s -> {
                details.put("exit_code", String.valueOf(s.exitCode()));
                yield AuditOutcome.SUCCEEDED;
            }
            case ToolOutcome.Failed f
            when f.output().startsWith(TIMED_OUT) -> {
                details.put("ended", "timeout");
                yield AuditOutcome.FAILED;
            }
            case ToolOutcome.Failed f -> {
                details.put("ended", "refused");
                yield AuditOutcome.REFUSED;
            }
        };
        record(task, result, details);
    }

    /** The task was cancelled or stopped while the command ran: its process tree was killed. */
    void interrupted(Task task, String argumentsJson) {
        var details = details(argumentsJson);
        details.put("ended", "interrupted");
        record(task, AuditOutcome.FAILED, details);
    }

    private void record(Task task, AuditOutcome outcome, Map<String, String> details) {
        audit.record(AuditEntry.of(AuditAction.COMMAND_RUN, outcome, task.id().toString())
                .withSubject(task.owner(), task.tenant())
                .withDetails(details));
    }

    private static LinkedHashMap<String, String> details(String argumentsJson) {
        var details = new LinkedHashMap<String, String>();
        details.put("tool", RUN_COMMAND);
        var command = command(argumentsJson);
        details.put("command_sha256", command == null ? "none" : sha256(command));
        return details;
    }

    /** The command text as the tool read it, or null when the arguments hold none. */
    private static String command(String argumentsJson) {
        try {
            var node = JsonMapper.shared().readTree(argumentsJson == null ? "" : argumentsJson);
            var command = node == null ? null : node.get("command");
            return command != null && command.isString() ? command.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
