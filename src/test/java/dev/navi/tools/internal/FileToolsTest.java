package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileToolsTest {

    @TempDir
    Path root;

    private ToolCalls tools;

    @BeforeEach
    void setUp() {
        tools = new ToolCalls(root);
    }

    private ToolCalls withLimits(int maxListEntries, int maxReadLines) {
        return new ToolCalls(
                root,
                ToolSettings.limits(
                        Duration.ofSeconds(5), Duration.ofSeconds(10), 32768, 200, maxListEntries, maxReadLines));
    }

    private void write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Nested
    class ListFiles {

        @BeforeEach
        void setUp() throws Exception {
            write("b.txt", "b");
            write("a/deep/deeper/x.txt", "x");
            write("a/z.txt", "z");
            write(".git/config", "[core]");
            write(".gitignore", "target/");
        }

        @Test
        void whenListedWithDefaultsThenTwoLevelsSortedWithDirectoriesMarkedAndGitSkipped() {
            ToolOutcome outcome = tools.call("list_files");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(outcome.output().lines()).containsExactly(".gitignore", "a/", "a/deep/", "a/z.txt", "b.txt");
        }

        @Test
        void whenDepthIsGivenThenItIsHonoured() {
            assertThat(tools.call("list_files", "depth", 1).output().lines())
                    .containsExactly(".gitignore", "a/", "b.txt");
            assertThat(tools.call("list_files", "path", "a", "depth", 5)
                            .output()
                            .lines())
                    .containsExactly("a/deep/", "a/deep/deeper/", "a/deep/deeper/x.txt", "a/z.txt");
        }

        @Test
        void whenDepthIsOutOfRangeThenFailed() {
            ToolOutcome outcome = tools.call("list_files", "depth", 11);

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("between 1 and 10");
        }

        @Test
        void whenMoreEntriesThanTheCapThenTruncatedWithANote() {
            ToolOutcome outcome = withLimits(3, 2000).call("list_files");

            assertThat(outcome.output().lines()).hasSize(4).startsWith(".gitignore", "a/", "a/deep/");
            assertThat(outcome.output()).contains("[truncated after 3 entries");
        }

        @Test
        void whenPathIsAFileThenFailedPointsToReadFile() {
            ToolOutcome outcome = tools.call("list_files", "path", "b.txt");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("read_file");
        }

        @Test
        void whenPathDoesNotExistThenFailedWithoutTheMachinePath() {
            ToolOutcome outcome = tools.call("list_files", "path", "nope");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("'nope' does not exist").doesNotContain(root.toString());
        }
    }

    @Nested
    class ReadFile {

        @BeforeEach
        void setUp() throws Exception {
            write("five.txt", "one\ntwo\nthree\nfour\nfive\n");
        }

        @Test
        void whenReadWholeThenLinesAreNumberedAndTotalIsGiven() {
            ToolOutcome outcome = tools.call("read_file", "path", "five.txt");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(outcome.output().lines())
                    .containsExactly(
                            "five.txt: lines 1-5 of 5; end of file",
                            "     1\tone",
                            "     2\ttwo",
                            "     3\tthree",
                            "     4\tfour",
                            "     5\tfive");
        }

        @Test
        void whenOffsetAndLimitAreGivenThenThatWindowIsReturnedAndTruncationSaid() {
            ToolOutcome outcome = tools.call("read_file", "path", "five.txt", "offset", 2, "limit", 2);

            assertThat(outcome.output().lines())
                    .containsExactly(
                            "five.txt: lines 2-3 of 5; truncated, continue with offset=4",
                            "     2\ttwo",
                            "     3\tthree");
        }

        @Test
        void whenLimitExceedsTheConfiguredMaximumThenItIsCapped() throws Exception {
            write(
                    "many.txt",
                    IntStream.rangeClosed(1, 50).mapToObj(i -> "l" + i).collect(Collectors.joining("\n")));

            ToolOutcome outcome = withLimits(1000, 10).call("read_file", "path", "many.txt", "limit", 1000);

            assertThat(outcome.output()).startsWith("many.txt: lines 1-10 of 50; truncated, continue with offset=11");
        }

        @Test
        void whenOffsetIsPastTheEndThenFailedSaysHowManyLinesThereAre() {
            ToolOutcome outcome = tools.call("read_file", "path", "five.txt", "offset", 9);

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("has only 5 lines");
        }

        @Test
        void whenFileIsBinaryThenRefused() throws Exception {
            Files.write(root.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});

            ToolOutcome outcome = tools.call("read_file", "path", "image.png");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("binary file");
        }

        @Test
        void whenFileIsEmptyThenSaid() throws Exception {
            write("empty.txt", "");

            assertThat(tools.call("read_file", "path", "empty.txt").output()).contains("empty file");
        }

        @Test
        void whenPathIsADirectoryThenFailed() throws Exception {
            write("dir/x.txt", "x");

            assertThat(tools.call("read_file", "path", "dir").output()).contains("is a directory");
        }
    }

    @Nested
    class WriteFile {

        @Test
        void whenWritingANewFileThenParentsAreCreatedAndBytesReported() {
            ToolOutcome outcome = tools.call("write_file", "path", "new/dir/ünï.txt", "content", "héllo\n");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(outcome.output()).isEqualTo("Created new/dir/ünï.txt (7 bytes written).");
            assertThat(root.resolve("new/dir/ünï.txt")).hasContent("héllo\n");
        }

        @Test
        void whenWritingAnExistingFileThenItIsReplaced() throws Exception {
            write("a.txt", "old content");

            ToolOutcome outcome = tools.call("write_file", "path", "a.txt", "content", "new");

            assertThat(outcome.output()).startsWith("Replaced a.txt");
            assertThat(root.resolve("a.txt")).hasContent("new");
        }

        @Test
        void whenPathIsADirectoryThenFailed() throws Exception {
            write("dir/x.txt", "x");

            assertThat(tools.call("write_file", "path", "dir", "content", "x")).isInstanceOf(ToolOutcome.Failed.class);
        }

        @Test
        void whenContentIsMissingThenFailed() {
            assertThat(tools.call("write_file", "path", "a.txt").output()).contains("'content'");
        }
    }

    @Nested
    class EditFile {

        @BeforeEach
        void setUp() throws Exception {
            write("code.txt", "alpha\nbeta\ngamma\nbeta\n");
        }

        @Test
        void whenOldTextMatchesOnceThenItIsReplaced() throws Exception {
            ToolOutcome outcome = tools.call("edit_file", "path", "code.txt", "old_text", "gamma", "new_text", "GAMMA");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(outcome.output()).contains("line 3");
            assertThat(Files.readString(root.resolve("code.txt"))).isEqualTo("alpha\nbeta\nGAMMA\nbeta\n");
        }

        @Test
        void whenOldTextIsNotFoundThenFailedAndFileUnchanged() throws Exception {
            ToolOutcome outcome = tools.call("edit_file", "path", "code.txt", "old_text", "delta", "new_text", "x");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("not found");
            assertThat(Files.readString(root.resolve("code.txt"))).isEqualTo("alpha\nbeta\ngamma\nbeta\n");
        }

        @Test
        void whenOldTextMatchesTwiceThenFailedSaysHowManyAndFileUnchanged() throws Exception {
            ToolOutcome outcome = tools.call("edit_file", "path", "code.txt", "old_text", "beta", "new_text", "x");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("matches 2 times", "more surrounding lines");
            assertThat(Files.readString(root.resolve("code.txt"))).isEqualTo("alpha\nbeta\ngamma\nbeta\n");
        }

        @Test
        void whenOldTextIsEmptyThenFailed() {
            ToolOutcome outcome = tools.call("edit_file", "path", "code.txt", "old_text", "", "new_text", "x");

            assertThat(outcome.output()).contains("'old_text' is empty");
        }

        @Test
        void whenFileIsNotUtf8ThenFailedAndFileUnchanged() throws Exception {
            byte[] latin1 = "caf\u00e9 beta".getBytes(StandardCharsets.ISO_8859_1);
            Files.write(root.resolve("latin1.txt"), latin1);

            ToolOutcome outcome = tools.call("edit_file", "path", "latin1.txt", "old_text", "beta", "new_text", "x");

            assertThat(outcome.output()).contains("not valid UTF-8");
            assertThat(Files.readAllBytes(root.resolve("latin1.txt"))).isEqualTo(latin1);
        }

        @Test
        void whenFileIsMissingThenFailed() {
            ToolOutcome outcome = tools.call("edit_file", "path", "nope.txt", "old_text", "a", "new_text", "b");

            assertThat(outcome.output()).contains("'nope.txt' does not exist");
        }
    }
}
