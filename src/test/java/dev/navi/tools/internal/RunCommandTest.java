package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int OUTPUT = 4096;

    /** A writer that escapes by a double fork: re-parented to init, it keeps appending to a file. */
    private static final String DOUBLE_FORKED_WRITER =
            "(sleep 0.2; nohup sh -c 'while true; do echo x >> grow.txt; sleep 0.05; done' >/dev/null 2>&1 &) &"
                    + " echo session $(cut -d' ' -f6 /proc/$$/stat); sleep 1";

    @TempDir
    Path root;

    /** Without the sandbox, the session is what finds every process; inside, the PID namespace does too. */
    @Nested
    class SessionsWithoutSandbox {

        @Test
        void whenTheCommandRunsThenItLeadsItsOwnSession() throws Exception {
            var ending =
                    RunCommand.run(Sandboxes.none(), root, "cut -d' ' -f6 /proc/$$/stat; echo pid $$", TIMEOUT, OUTPUT);

            var lines = ending.output().text().lines().toList();
            assertThat(lines.get(1)).isEqualTo("pid " + lines.get(0));
            assertThat(Long.parseLong(lines.get(0))).isNotEqualTo(ownSession());
        }

        @Test
        void whenACommandDoubleForksAWriterThenNoProcessOfItsSessionSurvivesTheEnd() throws Exception {
            var ending = RunCommand.run(Sandboxes.none(), root, DOUBLE_FORKED_WRITER, TIMEOUT, OUTPUT);

            assertThat(ending.exitCode()).isZero();
            assertThat(root.resolve("grow.txt")).exists();
            assertFileStopsGrowing(root.resolve("grow.txt"));
            assertNoneSurvives(session(ending.output().text()));
        }

        @Test
        void whenACommandThatDoubleForkedTimesOutThenNoProcessOfItsSessionSurvives() throws Exception {
            var ending = RunCommand.run(
                    Sandboxes.none(), root, DOUBLE_FORKED_WRITER + "; sleep 30", Duration.ofSeconds(2), OUTPUT);

            assertThat(ending.exitCode()).isNull();
            assertFileStopsGrowing(root.resolve("grow.txt"));
            assertNoneSurvives(session(ending.output().text()));
        }
    }

    /** Inside bubblewrap the pids and sessions a command prints are its namespace's; the host sees the writer stop. */
    @Nested
    class SessionsInsideTheSandbox {

        @Test
        void whenACommandDoubleForksAWriterThenItStopsWhenTheCommandEnds() throws Exception {
            var ending = RunCommand.run(Sandboxes.bubblewrap(), root, DOUBLE_FORKED_WRITER, TIMEOUT, OUTPUT);

            assertThat(ending.exitCode()).isZero();
            assertThat(root.resolve("grow.txt")).exists();
            assertFileStopsGrowing(root.resolve("grow.txt"));
            assertThat(RunCommandToolTest.running("sleep 0.05; done")).isEmpty();
        }

        @Test
        void whenACommandThatDoubleForkedTimesOutThenTheWriterStops() throws Exception {
            var ending = RunCommand.run(
                    Sandboxes.bubblewrap(), root, DOUBLE_FORKED_WRITER + "; sleep 30", Duration.ofSeconds(2), OUTPUT);

            assertThat(ending.exitCode()).isNull();
            assertFileStopsGrowing(root.resolve("grow.txt"));
            assertThat(RunCommandToolTest.running("sleep 0.05; done")).isEmpty();
        }
    }

    /**
     * The size must stay the same for a second; a surviving writer appends every 50 ms. A last append
     * between the kill and the first look is allowed.
     */
    private static void assertFileStopsGrowing(Path file) throws IOException {
        long[] last = {Files.size(file)};
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30)).until(() -> {
            long now = Files.size(file);
            boolean same = now == last[0];
            last[0] = now;
            return same;
        });
    }

    private static void assertNoneSurvives(long session) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SessionMembers.of(session).isEmpty());
    }

    private static long session(String output) {
        return output.lines()
                .filter(line -> line.startsWith("session "))
                .map(line -> Long.parseLong(line.substring("session ".length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session line in: " + output));
    }

    private static long ownSession() {
        return SessionMembers.sessionOf(ProcessHandle.current().pid()).orElseThrow();
    }
}
