package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line ({@code java -jar target/navi.jar watch ...}) as a person and a script run
 * it: under a pseudo-terminal ({@code script}) the status line is rewritten in place, through a pipe
 * there is no control character at all, and a stopped watcher detaches or cancels.
 */
@UsesAnthropicSim
class CliTerminalIT extends NaviIntegrationTest {

    private static final String ERASE_LINE = "\r\u001b[2K";

    @TempDir
    Path temp;

    private ProcessBuilder process(List<String> command, Path output) {
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(output.toFile());
        builder.environment().put("NAVI_URL", "http://127.0.0.1:" + port);
        builder.environment().put("NAVI_TOKEN", adminToken());
        builder.environment().put("NAVI_HOME", temp.toString());
        return builder;
    }

    private static List<String> navi(String... args) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-jar", NaviProcesses.JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code script -qfec "<command>" /dev/null}: the command's stdin and stdout are a pseudo-terminal. */
    private static List<String> underTerminal(List<String> command) {
        var quoted = command.stream()
                .map(word -> "'" + word.replace("'", "'\\''") + "'")
                .toList();
        return List.of("script", "-qfec", String.join(" ", quoted), "/dev/null");
    }

    private record Finished(int exitCode, String output) {}

    private Finished runToEnd(List<String> command) throws Exception {
        var output = temp.resolve("output-" + System.nanoTime());
        var process = process(command, output).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Finished(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private String finishedTask() {
        var id = submit("create-file", NaviHome.workspace("cli-terminal", "README.md", "# T\n"), null)
                .get("id")
                .asString();
        awaitFinished(id);
        return id;
    }

    @Nested
    class Rendering {

        @Test
        void whenWatchedOnATerminalThenTheStatusLineIsRewrittenInPlace() throws Exception {
            var id = finishedTask();

            var watched = runToEnd(underTerminal(navi("watch", id)));

            assertThat(watched.exitCode()).as(watched.output()).isZero();
            assertThat(watched.output())
                    .contains(ERASE_LINE + "running | ")
                    .contains("run_command cat hello.txt  exit 0")
                    .contains("succeeded | ");
        }

        @Test
        void whenWatchedThroughAPipeThenThereAreOnlyPlainLines() throws Exception {
            var id = finishedTask();

            var watched = runToEnd(navi("watch", id));

            assertThat(watched.exitCode()).as(watched.output()).isZero();
            assertThat(watched.output())
                    .contains("run_command cat hello.txt  exit 0")
                    .contains("succeeded | ")
                    .doesNotContain("\r")
                    .doesNotContain("\u001b");
        }
    }

    @Nested
    class Stopping {

        private Process watching(String id, Path output, String... options) throws IOException {
            var args = new ArrayList<>(List.of("watch", id));
            args.addAll(List.of(options));
            var process = process(navi(args.toArray(String[]::new)), output).start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(output).contains("started"));
            return process;
        }

        private String hangingTask() {
            var id = submit("hang", NaviHome.workspace("cli-stop", "a.txt", "a"), null)
                    .get("id")
                    .asString();
            awaitStatus(id, Set.of("running"));
            return id;
        }

        @Test
        void whenTheWatcherIsStoppedThenTheTaskGoesOnAndItSaysHowToReattach() throws Exception {
            var id = hangingTask();
            var output = temp.resolve("detach.log");
            var process = watching(id, output);

            process.destroy();

            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(Files.readString(output)).contains("detached").contains("navi watch " + id);
            assertThat(task(id).get("status").asString()).isEqualTo("running");
            post("/api/v1/tasks/" + id + "/cancel", "");
            awaitFinished(id);
        }

        @Test
        void whenTheWatcherWithCancelOnExitIsStoppedThenTheTaskIsCancelled() throws Exception {
            var id = hangingTask();
            var output = temp.resolve("cancel.log");
            var process = watching(id, output, "--cancel-on-exit");

            process.destroy();

            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(Files.readString(output)).contains("cancelled task " + id);
            assertThat(awaitFinished(id).get("status").asString()).isEqualTo("cancelled");
        }
    }
}
