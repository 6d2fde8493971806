package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

class CommandSandboxTest {

    private static final String MISSING = "cannot run bwrap: No such file or directory";

    @TempDir
    Path root;

    @Nested
    class Modes {

        @Test
        void whenTheSandboxIsRequiredButMissingThenRunCommandIsRefusedAndNothingRuns() {
            CommandSandbox sandbox = CommandSandbox.unavailable(properties(SandboxMode.REQUIRED), MISSING);
            ToolCalls tools = calls(sandbox);

            ToolOutcome outcome = tools.call("run_command", "command", "touch ran.txt");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output())
                    .startsWith("run_command is disabled: navi.tools.sandbox is 'required'")
                    .contains(MISSING, "No command was run");
            assertThat(root.resolve("ran.txt")).doesNotExist();
            assertThat(sandbox.refusals()).isEqualTo(1);
        }

        @Test
        void whenTheSandboxIsAutoAndMissingThenTheCommandRunsBare() {
            ToolCalls tools = calls(CommandSandbox.unavailable(properties(SandboxMode.AUTO), MISSING));

            ToolOutcome outcome = tools.call("run_command", "command", "ls /proc | grep -c '^[0-9]'");

            assertThat(ToolCalls.exitCode(outcome)).isZero();
            assertThat(tools.toolBox().specs())
                    .filteredOn(spec -> spec.name().equals("run_command"))
                    .singleElement()
                    .satisfies(spec -> assertThat(spec.description()).doesNotContain("sandbox"));
        }

        @Test
        void whenTheSandboxIsOffThenItIsNotProbedAndCommandsRunBare() {
            CommandSandbox sandbox = CommandSandbox.probed(properties(SandboxMode.OFF));

            assertThat(sandbox.available()).isFalse();
            assertThat(sandbox.unavailableReason()).hasValue("navi.tools.sandbox is off");
            assertThat(sandbox.commandLine(root, "true")).containsExactly("setsid", "/bin/sh", "-c", "true");
        }

        @Test
        void whenBubblewrapWorksThenTheProbeFindsItAndTheModelIsToldOfTheSandbox() {
            CommandSandbox sandbox = Sandboxes.bubblewrap();

            assertThat(sandbox.commandLine(root, "true"))
                    .startsWith("setsid", "bwrap")
                    .endsWith("/bin/sh", "-c", "true");
            assertThat(calls(sandbox).toolBox().specs())
                    .filteredOn(spec -> spec.name().equals("run_command"))
                    .singleElement()
                    .satisfies(spec -> assertThat(spec.description()).contains("sandbox", "no network access"));
        }
    }

    @Nested
    class Health {

        @Test
        void whenTheRequiredSandboxIsMissingThenReadyIsDownWithTheReasonAndTheGaugeIsZero() {
            var meters = new SimpleMeterRegistry();
            var indicator = new SandboxHealthIndicator(
                    CommandSandbox.unavailable(properties(SandboxMode.REQUIRED), MISSING), meters);

            var health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails())
                    .containsEntry("mode", "required")
                    .containsEntry("available", false)
                    .containsEntry("reason", MISSING);
            assertThat(meters.get("navi_tools_sandbox_available").gauge().value())
                    .isZero();
        }

        @Test
        void whenAutoFallsBackThenReadyStaysUpAndTheGaugeIsZero() {
            var meters = new SimpleMeterRegistry();
            var indicator = new SandboxHealthIndicator(
                    CommandSandbox.unavailable(properties(SandboxMode.AUTO), MISSING), meters);

            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(meters.get("navi_tools_sandbox_available").gauge().value())
                    .isZero();
        }

        @Test
        void whenTheSandboxWorksThenReadyIsUpAndTheGaugeIsOne() {
            var meters = new SimpleMeterRegistry();
            var indicator = new SandboxHealthIndicator(Sandboxes.bubblewrap(), meters);

            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(indicator.health().getDetails())
                    .containsEntry("available", true)
                    .doesNotContainKey("reason");
            assertThat(meters.get("navi_tools_sandbox_available").gauge().value())
                    .isOne();
        }
    }

    private ToolCalls calls(CommandSandbox sandbox) {
        return new ToolCalls(root, ToolSettings.defaults(), sandbox);
    }

    private static ToolsProperties properties(SandboxMode mode) {
        return ToolSettings.sandboxed(ToolSettings.defaults(), mode, false);
    }
}
