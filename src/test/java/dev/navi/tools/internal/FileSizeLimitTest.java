package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSizeLimitTest {

    private static final long LIMIT = 64 * 1024;

    @TempDir
    Path root;

    private ToolCalls tools;

    @BeforeEach
    void setUp() {
        tools = new ToolCalls(
                root,
                ToolSettings.limits(Duration.ofSeconds(30), Duration.ofSeconds(60), 32768, 200, 1000, 2000, LIMIT));
    }

    @Test
    void whenWriteFileContentIsLargerThanTheLimitThenNothingIsWritten() {
        ToolOutcome outcome = tools.call("write_file", "path", "big.txt", "content", "x".repeat((int) LIMIT + 1));

        assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
        assertThat(outcome.output()).contains("more than the " + LIMIT + " bytes", "nothing was written");
        assertThat(root.resolve("big.txt")).doesNotExist();
    }

    @Test
    void whenWriteFileContentFitsThenItIsWritten() {
        ToolOutcome outcome = tools.call("write_file", "path", "ok.txt", "content", "x".repeat((int) LIMIT));

        assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
        assertThat(root.resolve("ok.txt")).hasSize(LIMIT);
    }

    @Test
    void whenAnEditWouldGrowTheFilePastTheLimitThenTheFileIsUnchanged() throws Exception {
        Files.writeString(root.resolve("grow.txt"), "a" + "b".repeat((int) LIMIT - 10));

        ToolOutcome outcome = tools.call("edit_file", "path", "grow.txt", "old_text", "a", "new_text", "c".repeat(100));

        assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
        assertThat(outcome.output()).contains("nothing was written");
        assertThat(Files.readString(root.resolve("grow.txt"))).startsWith("ab");
    }

    @Test
    void whenACommandWritesAFileLargerThanTheLimitThenItIsStoppedAtTheLimit() {
        ToolOutcome outcome = tools.call("run_command", "command", "head -c 1000000 /dev/zero > big.bin; echo rc=$?");

        assertThat(outcome.output()).contains("rc=153");
        assertThat(root.resolve("big.bin")).hasSize(LIMIT);
    }

    @Test
    void whenACommandWritesFilesUnderTheLimitThenTheyAreWhole() {
        ToolOutcome outcome = tools.call("run_command", "command", "head -c 60000 /dev/zero > small.bin; echo rc=$?");

        assertThat(outcome.output()).contains("rc=0");
        assertThat(root.resolve("small.bin")).hasSize(60000);
    }
}
