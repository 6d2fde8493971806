package dev.navi.agent.internal;

import dev.navi.llm.ToolCall;
import dev.navi.tasks.ApprovalMode;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which tool calls wait for an approval: by the task's mode, less the commands the deployment allows
 * ({@code navi.agent.approvals.allowed-commands}). Allowing is deliberately narrow: an entry matches a
 * command equal to it or followed by a space and more arguments, and a command that could chain, pipe,
 * substitute or redirect never matches, so an allowed prefix cannot carry another command along.
 */
final class ApprovalPolicy {

    static final String WRITE_FILE = "write_file";
    static final String EDIT_FILE = "edit_file";

    private static final List<String> UNSAFE = List.of(";", "&", "|", "`", "$(", ">", "<", "\n", "\r");

    private final List<String> allowedCommands;

    ApprovalPolicy(List<String> allowedCommands) {
        this.allowedCommands = allowedCommands.stream()
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    boolean needsApproval(ApprovalMode mode, ToolCall call) {
        return switch (mode) {
            case NEVER -> false;
            case COMMANDS -> isCommand(call) && !allowed(command(call.argumentsJson()));
            case WRITES ->
                (isCommand(call) && !allowed(command(call.argumentsJson())))
                        || call.name().equals(WRITE_FILE)
                        || call.name().equals(EDIT_FILE);
        };
    }

    /** Whether this command text runs without an approval. */
    boolean allowed(String command) {
        if (command == null || UNSAFE.stream().anyMatch(command::contains)) {
            return false;
        }
        var text = command.strip();
        return allowedCommands.stream().anyMatch(entry -> text.equals(entry) || text.startsWith(entry + " "));
    }

    private static boolean isCommand(ToolCall call) {
        return call.name().equals(CommandAudit.RUN_COMMAND);
    }

    /** The command text of a {@code run_command} call, or null when its arguments hold none. */
    static String command(String argumentsJson) {
        try {
            var node = JsonMapper.shared().readTree(argumentsJson == null ? "" : argumentsJson);
            var command = node == null ? null : node.get("command");
            return command != null && command.isString() ? command.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
