package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.navi.tools.ToolOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandToolTest {

    @TempDir
    Path root;

    private ToolCalls tools;

    @BeforeEach
    void setUp() {
        tools = new ToolCalls(root);
    }

    @Nested
    class Completion {

        @Test
        void whenCommandSucceedsThenExitCodeZeroAndOutputAreReturned() {
            ToolOutcome outcome = tools.call("run_command", "command", "echo hello");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(ToolCalls.exitCode(outcome)).isZero();
            assertThat(outcome.output()).startsWith("Exit code 0 after ").endsWith("hello\n");
        }

        @Test
        void whenCommandFailsThenItIsStillASucceededCallWithItsExitCode() {
            ToolOutcome outcome = tools.call("run_command", "command", "echo oops >&2; exit 3");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(ToolCalls.exitCode(outcome)).isEqualTo(3);
            assertThat(outcome.output()).contains("Exit code 3", "oops");
        }

        @Test
        void whenCommandRunsThenItRunsInTheWorkspaceRoot() throws Exception {
            Files.writeString(root.resolve("marker.txt"), "m");

            ToolOutcome outcome = tools.call("run_command", "command", "ls; pwd -P");

            assertThat(outcome.output()).contains("marker.txt\n.\n").doesNotContain(root.toString());
        }

        @Test
        void whenCommandReadsStdinThenItSeesEndOfInput() {
            ToolOutcome outcome = tools.call("run_command", "command", "cat; echo done", "timeout_seconds", 10);

            assertThat(ToolCalls.exitCode(outcome)).isZero();
            assertThat(outcome.output()).endsWith("done\n");
        }

        @Test
        void whenCommandPrintsTheEnvironmentThenOnlyTheScrubbedVariablesAreThere() throws Exception {
            ToolOutcome outcome = tools.call("run_command", "command", "env");

            List<String> names = outcome.output()
                    .lines()
                    .skip(1)
                    .map(line -> line.substring(0, line.indexOf('=')))
                    .toList();
            assertThat(names).contains("PATH", "HOME", "LANG");
            assertThat(Set.of("PATH", "HOME", "LANG", "TERM", "PWD", "SHLVL", "_", "OLDPWD"))
                    .containsAll(names);
            assertThat(outcome.output()).containsPattern("(?m)^HOME=\\.$");
        }

        @Test
        void whenOutputIsLargerThanTheCapThenHeadAndTailAreKeptAndTheCutIsSaid() {
            ToolCalls capped = new ToolCalls(
                    root, ToolSettings.limits(Duration.ofSeconds(10), Duration.ofSeconds(20), 4096, 200, 1000, 2000));

            ToolOutcome outcome = capped.call("run_command", "command", "echo FIRST; seq 1 100000; echo LAST");

            assertThat(outcome.output().getBytes()).hasSizeLessThanOrEqualTo(4096);
            assertThat(outcome.output())
                    .contains("FIRST", "LAST")
                    .containsPattern("\\[\\.\\.\\. \\d+ bytes of output cut");
        }

        @Test
        void whenCommandIsEmptyThenFailed() {
            assertThat(tools.call("run_command", "command", " ")).isInstanceOf(ToolOutcome.Failed.class);
        }
    }

    @Nested
    class Termination {

        @Test
        void whenCommandTimesOutThenTheWholeTreeIsKilledAndTheResultSaysSo() {
            ToolOutcome outcome = tools.call(
                    "run_command", "command", "sleep 31 & sleep 31 & echo started; wait", "timeout_seconds", 1);

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(ToolCalls.exitCode(outcome)).isNull();
            assertThat(outcome.output()).startsWith("Timed out after 1 s").contains("started");
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(10));
            assertThat(running("sleep 31")).isEmpty();
        }

        @Test
        void whenCommandLeavesABackgroundProcessThenItIsKilledWhenTheCommandEnds() {
            ToolOutcome outcome =
                    tools.call("run_command", "command", "sleep 32 > /dev/null 2>&1 & echo started; sleep 0.3; exit 0");

            assertThat(ToolCalls.exitCode(outcome)).isZero();
            assertThat(outcome.output()).contains("started");
            assertThat(running("sleep 32")).isEmpty();
        }

        @Test
        void whenTimeoutAboveTheMaximumIsAskedThenTheMaximumApplies() {
            ToolCalls strict = new ToolCalls(
                    root, ToolSettings.limits(Duration.ofSeconds(10), Duration.ofSeconds(1), 32768, 200, 1000, 2000));

            ToolOutcome outcome = strict.call("run_command", "command", "sleep 20", "timeout_seconds", 500);

            assertThat(outcome.output()).startsWith("Timed out after 1 s");
        }

        @Test
        void whenTheCallingThreadIsInterruptedThenTheTreeIsKilledAndInterruptedExceptionIsThrown() throws Exception {
            String command = "sleep 37 & sleep 37 & wait";
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    tools.toolBox().execute(root, "run_command", ToolCalls.json("command", command));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> sleepers().size() == 2);
            List<ProcessHandle> sleepers = sleepers();

            caller.interrupt();
            caller.join(Duration.ofSeconds(10));

            assertThat(caller.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(sleepers).noneMatch(ProcessHandle::isAlive);
        }
    }

    private static List<ProcessHandle> sleepers() {
        return ProcessHandle.current()
                .descendants()
                .filter(handle -> handle.info().commandLine().orElse("").endsWith("sleep 37"))
                .toList();
    }

    /**
     * Live processes with this command line, seen from outside the sandbox: the pids a command prints are those
     * of its own PID namespace.
     */
    static List<ProcessHandle> running(String commandLine) {
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.info().commandLine().orElse("").endsWith(commandLine))
                .filter(ProcessHandle::isAlive)
                .toList();
    }
}
