package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command inside the real bubblewrap can reach: every attempt refused or contained. */
class SandboxTest {

    private static final Set<String> ALLOWED_VARIABLES = Set.of("PATH", "HOME", "LANG", "TERM", "PWD", "SHLVL", "_");

    @TempDir
    Path temp;

    private Path home;
    private Path work;
    private ToolCalls tools;

    /** A NAVI_HOME as the service lays it out: this task's copy next to another task's and the database. */
    @BeforeEach
    void setUp() throws IOException {
        home = temp.resolve("navi-home");
        work = Files.createDirectories(home.resolve("tasks/task-a/work"));
        Files.writeString(
                Files.createDirectories(home.resolve("tasks/task-b/work")).resolve("secret.txt"), "other");
        Files.writeString(Files.createDirectories(home.resolve("pgdata")).resolve("PG_VERSION"), "17");
        tools = new ToolCalls(work, ToolSettings.sandboxed(ToolSettings.defaults(), SandboxMode.REQUIRED, false));
    }

    @Nested
    class Secrets {

        @Test
        void whenACommandReadsEtcShadowThenItIsRefused() {
            assertThat(Path.of("/etc/shadow")).isNotEmptyFile();

            ToolOutcome outcome = run("cat /etc/shadow; echo \"[exit $?]\"; grep -c root: /etc/passwd");

            assertThat(outcome.output())
                    .contains("Permission denied", "[exit 1]")
                    .doesNotContain("root:");
            assertThat(outcome.output().strip()).as("the rest of /etc is there").endsWith("\n1");
        }

        @Test
        void whenACommandReadsTheEnvironOfEveryProcessThenItSeesOnlyItsOwnScrubbedOnes() {
            assertThat(System.getenv()).containsKey("PATH").isNotEmpty();

            ToolOutcome outcome = run("cat /proc/[0-9]*/environ | tr '\\0' '\\n' | cut -d= -f1 | sort -u");

            assertThat(variables(outcome)).isNotEmpty().isSubsetOf(ALLOWED_VARIABLES);
            assertThat(outcome.output()).doesNotContain("JAVA_HOME", "MAVEN", "API_KEY");
        }

        @Test
        void whenACommandListsProcessesThenNoProcessOfTheServiceIsVisibleAndPidOneIsTheSandbox() {
            ToolOutcome outcome =
                    run("cat /proc/1/cmdline | tr '\\0' ' '; echo; cat /proc/[0-9]*/cmdline | tr '\\0' ' '");

            assertThat(outcome.output().lines().skip(1).findFirst())
                    .hasValueSatisfying(line -> assertThat(line).startsWith("bwrap"));
            assertThat(outcome.output()).doesNotContain("java", "surefire");
        }

        @Test
        void whenACommandPrintsItsEnvironmentThenOnlyTheAllowedVariablesAreThere() {
            ToolOutcome outcome = run("env | cut -d= -f1");

            assertThat(variables(outcome))
                    .contains("PATH", "HOME", "LANG", "TERM")
                    .isSubsetOf(ALLOWED_VARIABLES);
        }

        @Test
        void whenACommandLooksForNaviHomeOtherTasksAndHomesThenNoneIsVisible() {
            ToolOutcome outcome = run("cat ../../task-b/work/secret.txt; ls -a ../.. ../../.. /root ~/..; "
                    + "ls ../../../pgdata; echo \"[exit $?]\"");

            assertThat(outcome.output().lines())
                    .doesNotContain("other", "task-b", "pgdata", "PG_VERSION")
                    .contains("task-a", "tasks", "[exit 2]");
            assertThat(outcome.output()).contains("secret.txt: No such file", "'/root': No such file");
        }
    }

    @Nested
    class Writes {

        @Test
        void whenACommandWritesOutsideTheWorkspaceThenNothingLandsThere() throws IOException {
            String planted = "navi-sandbox-planted-" + ProcessHandle.current().pid();

            ToolOutcome outcome = run("for target in ../" + planted + " ../../task-b/work/" + planted + " /usr/"
                    + planted + " /etc/" + planted + " /tmp/" + planted + "; do echo x > $target && echo wrote $target;"
                    + " done; echo x > inside.txt; echo \"[exit $?]\"");

            assertThat(outcome.output()).contains("[exit 0]");
            assertThat(work.resolve("inside.txt")).exists();
            assertThat(home.resolve("tasks/task-a").resolve(planted)).doesNotExist();
            assertThat(home.resolve("tasks/task-b/work").resolve(planted)).doesNotExist();
            assertThat(Path.of("/usr", planted)).doesNotExist();
            assertThat(Path.of("/etc", planted)).doesNotExist();
            assertThat(Path.of("/tmp", planted)).doesNotExist();
        }

        @Test
        void whenACommandWritesTwoGigabytesThenItIsStoppedAtTheFileCap() {
            long cap = 8L * 1024 * 1024;
            ToolCalls capped = new ToolCalls(
                    work,
                    ToolSettings.limits(Duration.ofSeconds(60), Duration.ofSeconds(60), 32768, 200, 1000, 2000, cap));

            ToolOutcome outcome = capped.call("run_command", "command", "head -c 2G /dev/zero > big.bin; echo rc=$?");

            assertThat(outcome.output()).contains("rc=153");
            assertThat(work.resolve("big.bin")).hasSize(cap);
        }

        @Test
        void whenACommandPrintsAHundredMegabytesThenTheOutputIsCapped() {
            ToolOutcome outcome = run("head -c 100000000 /dev/zero | tr '\\0' a; echo; echo END");

            assertThat(outcome.output().getBytes()).hasSizeLessThanOrEqualTo(32768);
            assertThat(outcome.output()).endsWith("END\n").containsPattern("\\[\\.\\.\\. \\d+ bytes of output cut");
        }
    }

    @Nested
    class Network {

        @Test
        void whenACommandConnectsToALocalListenerThenTheConnectionFailsAndNothingArrives() throws Exception {
            try (ServerSocket server = new ServerSocket(0)) {
                server.setSoTimeout(1000);
                CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> accepts(server));

                ToolOutcome outcome = run("python3 -c \"import socket; socket.create_connection(('127.0.0.1', "
                        + server.getLocalPort() + "), 3)\"; echo \"[exit $?]\"");

                assertThat(outcome.output()).contains("ConnectionRefusedError").contains("[exit 1]");
                assertThat(accepted.get()).isFalse();
            }
        }

        @Test
        void whenACommandResolvesANameThenThereIsNoNetworkButLoopback() {
            ToolOutcome outcome =
                    run("getent hosts example.com; echo \"[dns $?]\"; tail -n +3 /proc/net/dev | cut -d: -f1");

            assertThat(outcome.output()).contains("[dns 2]");
            assertThat(outcome.output().lines().toList())
                    .last()
                    .satisfies(line -> assertThat(line.strip()).isEqualTo("lo"));
        }

        @Test
        void whenTheNetworkIsAllowedThenTheCommandSharesTheServersNetwork() throws Exception {
            ToolCalls networked =
                    new ToolCalls(work, ToolSettings.sandboxed(ToolSettings.defaults(), SandboxMode.REQUIRED, true));
            try (ServerSocket server = new ServerSocket(0)) {
                server.setSoTimeout(10_000);
                CompletableFuture<Boolean> accepted = CompletableFuture.supplyAsync(() -> accepts(server));

                ToolOutcome outcome = networked.call(
                        "run_command",
                        "command",
                        "python3 -c \"import socket; " + "socket.create_connection(('127.0.0.1', "
                                + server.getLocalPort() + "), 3)\"; echo \"[exit $?]\"");

                assertThat(outcome.output()).contains("[exit 0]");
                assertThat(accepted.get()).isTrue();
            }
        }
    }

    @Nested
    class Processes {

        @Test
        void whenAProcessStartsASessionOfItsOwnAndOutlivesTheCommandThenItIsKilled() {
            ToolOutcome outcome = run("setsid sh -c 'sleep 34' > /dev/null 2>&1 & echo started; sleep 0.3");

            assertThat(outcome.output()).contains("started");
            assertThat(RunCommandToolTest.running("sleep 34")).isEmpty();
        }

        @Test
        void whenManyProcessesAreForkedThenTheDeadlineEndsThemAllAndTheServiceStillRunsCommands() throws Exception {
            ToolCalls limited = new ToolCalls(
                    work,
                    ToolSettings.commandLimits(
                            ToolSettings.sandboxed(ToolSettings.defaults(), SandboxMode.REQUIRED, false),
                            Duration.ofSeconds(60),
                            8L << 30,
                            32));
            CompletableFuture<ToolOutcome> bomb = CompletableFuture.supplyAsync(() -> limited.call(
                    "run_command",
                    "command",
                    "i=0; while [ $i -lt 100 ]; do sleep 35 & i=$((i+1)); done; echo forked; wait",
                    "timeout_seconds",
                    3));

            ToolOutcome meanwhile = run("echo still answering");
            ToolOutcome ended = bomb.get();

            assertThat(meanwhile.output()).endsWith("still answering\n");
            assertThat(ended.output()).startsWith("Timed out after 3 s");
            if (!runsAsRoot()) {
                assertThat(ended.output())
                        .as("Linux exempts only root from the process limit")
                        .contains("fork");
            }
            assertThat(RunCommandToolTest.running("sleep 35")).isEmpty();
        }

        @Test
        void whenACommandBurnsCpuThenItIsStoppedAtTheCpuLimit() {
            ToolCalls limited = new ToolCalls(
                    work,
                    ToolSettings.commandLimits(
                            ToolSettings.sandboxed(ToolSettings.defaults(), SandboxMode.REQUIRED, false),
                            Duration.ofSeconds(1),
                            8L << 30,
                            256));

            ToolOutcome outcome = limited.call(
                    "run_command", "command", "sh -c 'while :; do :; done'; echo \"[exit $?]\"", "timeout_seconds", 60);

            assertThat(outcome.output()).contains("[exit 137]");
        }

        @Test
        void whenACommandMapsMoreMemoryThanTheLimitThenTheAllocationFails() {
            ToolCalls limited = new ToolCalls(
                    work,
                    ToolSettings.commandLimits(
                            ToolSettings.sandboxed(ToolSettings.defaults(), SandboxMode.REQUIRED, false),
                            Duration.ofSeconds(60),
                            256L << 20,
                            256));

            ToolOutcome outcome = limited.call("run_command", "command", "python3 -c \"b = bytearray(512 << 20)\"");

            assertThat(outcome.output()).contains("MemoryError");
        }
    }

    private ToolOutcome run(String command) {
        return tools.call("run_command", "command", command);
    }

    /** The output's lines after the exit-code header, each cut at its first {@code =}. */
    private static List<String> variables(ToolOutcome outcome) {
        return outcome.output()
                .lines()
                .skip(1)
                .map(line -> line.split("=", 2)[0])
                .toList();
    }

    private static boolean accepts(ServerSocket server) {
        try (var ignored = server.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean runsAsRoot() {
        return ProcessHandle.current().info().user().filter("root"::equals).isPresent();
    }
}
