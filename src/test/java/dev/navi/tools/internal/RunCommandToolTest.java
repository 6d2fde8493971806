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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandToolTest {

    private static final Pattern PID = Pattern.compile("pid (\\d+)");

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
            assertThat(Set.of("PATH", "HOME", "LANG", "PWD", "SHLVL", "_", "OLDPWD"))
                    .containsAll(names);
            assertThat(outcome.output()).containsPattern("(?m)^HOME=\\.$");
        }

        @Test
        void whenOutputIsLargerThanTheCapThenHeadAndTailAreKeptAndTheCutIsSaid() {
            ToolCalls capped = new ToolCalls(
                    root, new ToolsProperties(Duration.ofSeconds(10), Duration.ofSeconds(20), 4096, 200, 1000, 2000));

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
                    "run_command",
                    "command",
                    "sleep 30 & echo pid $!; sleep 30 & echo pid $!; wait",
                    "timeout_seconds",
                    1);

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(ToolCalls.exitCode(outcome)).isNull();
            assertThat(outcome.output()).startsWith("Timed out after 1 s");
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(10));
            List<Long> pids = pids(outcome.output());
            assertThat(pids).hasSize(2);
            assertThat(pids).allSatisfy(pid -> assertThat(alive(pid)).isFalse());
        }

        @Test
        void whenCommandLeavesABackgroundProcessThenItIsKilledWhenTheCommandEnds() {
            ToolOutcome outcome =
                    tools.call("run_command", "command", "sleep 30 > /dev/null 2>&1 & echo pid $!; sleep 0.3; exit 0");

            assertThat(ToolCalls.exitCode(outcome)).isZero();
            assertThat(pids(outcome.output()))
                    .singleElement()
                    .satisfies(pid -> assertThat(alive(pid)).isFalse());
        }

        @Test
        void whenTimeoutAboveTheMaximumIsAskedThenTheMaximumApplies() {
            ToolCalls strict = new ToolCalls(
                    root, new ToolsProperties(Duration.ofSeconds(10), Duration.ofSeconds(1), 32768, 200, 1000, 2000));

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

    private static List<Long> pids(String output) {
        Matcher matcher = PID.matcher(output);
        return matcher.results().map(result -> Long.parseLong(result.group(1))).toList();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
