package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.ToolCall;
import dev.navi.tasks.ApprovalMode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalPolicyTest {

    private final ApprovalPolicy policy = new ApprovalPolicy(List.of("mvn -q test", "ls", " git status "));

    @Nested
    class Modes {

        @Test
        void whenTheModeIsNeverThenNothingNeedsApproval() {
            assertThat(policy.needsApproval(ApprovalMode.NEVER, command("rm -rf src")))
                    .isFalse();
            assertThat(policy.needsApproval(ApprovalMode.NEVER, call("write_file")))
                    .isFalse();
        }

        @Test
        void whenTheModeIsCommandsThenOnlyCommandsNeedApproval() {
            assertThat(policy.needsApproval(ApprovalMode.COMMANDS, command("rm -rf src")))
                    .isTrue();
            assertThat(policy.needsApproval(ApprovalMode.COMMANDS, call("write_file")))
                    .isFalse();
            assertThat(policy.needsApproval(ApprovalMode.COMMANDS, call("edit_file")))
                    .isFalse();
            assertThat(policy.needsApproval(ApprovalMode.COMMANDS, call("read_file")))
                    .isFalse();
        }

        @Test
        void whenTheModeIsWritesThenFileChangesAndCommandsNeedApprovalButReadsDoNot() {
            assertThat(policy.needsApproval(ApprovalMode.WRITES, command("rm -rf src")))
                    .isTrue();
            assertThat(policy.needsApproval(ApprovalMode.WRITES, call("write_file")))
                    .isTrue();
            assertThat(policy.needsApproval(ApprovalMode.WRITES, call("edit_file")))
                    .isTrue();
            assertThat(policy.needsApproval(ApprovalMode.WRITES, call("read_file")))
                    .isFalse();
            assertThat(policy.needsApproval(ApprovalMode.WRITES, call("list_files")))
                    .isFalse();
            assertThat(policy.needsApproval(ApprovalMode.WRITES, call("search")))
                    .isFalse();
        }

        @Test
        void whenACommandIsAllowedThenItNeedsNoApprovalInEitherMode() {
            assertThat(policy.needsApproval(ApprovalMode.COMMANDS, command("mvn -q test")))
                    .isFalse();
            assertThat(policy.needsApproval(ApprovalMode.WRITES, command("ls -la src")))
                    .isFalse();
        }

        @Test
        void whenACommandCallHasNoCommandThenItNeedsApproval() {
            assertThat(policy.needsApproval(ApprovalMode.COMMANDS, new ToolCall("c", "run_command", "not json")))
                    .isTrue();
            assertThat(policy.needsApproval(ApprovalMode.COMMANDS, new ToolCall("c", "run_command", "{}")))
                    .isTrue();
        }
    }

    @Nested
    class AllowList {

        @ParameterizedTest
        @ValueSource(strings = {"mvn -q test", "mvn -q test -Dtest=X", "ls", "ls -la", "git status", "  ls  "})
        void whenTheCommandIsAnEntryOrAnEntryAndArgumentsThenItIsAllowed(String command) {
            assertThat(policy.allowed(command)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"mvn -q tests", "lsof", "ls-la", "mvn", "git", "rm -rf /", "", "echo ls"})
        void whenTheCommandOnlyResemblesAnEntryThenItIsNotAllowed(String command) {
            assertThat(policy.allowed(command)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ls; rm -rf /",
                    "ls && rm -rf /",
                    "ls || rm -rf /",
                    "ls | sh",
                    "ls `rm -rf /`",
                    "ls $(rm -rf /)",
                    "ls > /etc/passwd",
                    "ls < secret",
                    "ls & rm -rf /",
                    "ls\nrm -rf /",
                    "ls\rrm -rf /",
                    "mvn -q test;rm -rf /"
                })
        void whenTheCommandCouldCarryAnotherThenItIsNeverAllowed(String command) {
            assertThat(policy.allowed(command)).isFalse();
            assertThat(policy.needsApproval(ApprovalMode.COMMANDS, command(command)))
                    .isTrue();
        }

        @Test
        void whenNothingIsAllowedThenEveryCommandNeedsApproval() {
            var none = new ApprovalPolicy(List.of("", "  "));

            assertThat(none.allowed("ls")).isFalse();
            assertThat(none.allowed("")).isFalse();
        }
    }

    private static ToolCall call(String tool) {
        return new ToolCall("c", tool, "{\"path\":\"a.txt\",\"content\":\"x\"}");
    }

    private static ToolCall command(String command) {
        var json = tools.jackson.databind.json.JsonMapper.shared()
                .createObjectNode()
                .put("command", command)
                .toString();
        return new ToolCall("c", "run_command", json);
    }
}
