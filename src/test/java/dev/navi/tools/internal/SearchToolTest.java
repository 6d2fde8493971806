package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchToolTest {

    @TempDir
    Path root;

    private ToolCalls tools;

    @BeforeEach
    void setUp() throws Exception {
        tools = new ToolCalls(root);
        write("README.md", "# Title\nTODO: write docs\n");
        write("docs/guide.md", "intro\nTODO later\n");
        write("src/Main.java", "class Main {\n  // TODO main\n}\n");
        write("src/util/Util.java", "class Util {}\n");
        write(".git/HEAD", "TODO in git\n");
    }

    private void write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void whenPatternMatchesThenResultsAreFileLineTextInNameOrderWithoutGit() {
        ToolOutcome outcome = tools.call("search", "pattern", "TODO");

        assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
        assertThat(outcome.output().lines())
                .containsExactly(
                        "README.md:2: TODO: write docs",
                        "docs/guide.md:2: TODO later",
                        "src/Main.java:2:   // TODO main");
    }

    @Test
    void whenGlobIsAFileNamePatternThenItMatchesInEveryDirectory() {
        ToolOutcome outcome = tools.call("search", "pattern", "class \\w+", "glob", "*.java");

        assertThat(outcome.output().lines())
                .containsExactly("src/Main.java:1: class Main {", "src/util/Util.java:1: class Util {}");
    }

    @Test
    void whenGlobStartsWithDoubleStarThenTopLevelFilesMatchToo() {
        ToolOutcome outcome = tools.call("search", "pattern", "TODO", "glob", "**/*.md");

        assertThat(outcome.output().lines())
                .containsExactly("README.md:2: TODO: write docs", "docs/guide.md:2: TODO later");
    }

    @Test
    void whenPathIsGivenThenOnlyThatSubtreeOrFileIsSearched() {
        assertThat(tools.call("search", "pattern", "TODO", "path", "src").output())
                .isEqualTo("src/Main.java:2:   // TODO main");
        assertThat(tools.call("search", "pattern", "TODO", "path", "docs/guide.md")
                        .output())
                .isEqualTo("docs/guide.md:2: TODO later");
    }

    @Test
    void whenMoreMatchesThanTheCapThenStoppedWithANote() throws Exception {
        write("many.txt", "hit\n".repeat(10));
        ToolCalls capped = new ToolCalls(
                root, ToolSettings.limits(Duration.ofSeconds(5), Duration.ofSeconds(10), 32768, 3, 1000, 2000));

        ToolOutcome outcome = capped.call("search", "pattern", "hit");

        assertThat(outcome.output().lines()).hasSize(4).first().isEqualTo("many.txt:1: hit");
        assertThat(outcome.output()).contains("[stopped after 3 matches");
    }

    @Test
    void whenRegexIsInvalidThenFailedSaysWhy() {
        ToolOutcome outcome = tools.call("search", "pattern", "foo(");

        assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
        assertThat(outcome.output()).contains("not a valid Java regular expression", "Unclosed group");
    }

    @Test
    void whenFileIsBinaryThenItIsSkipped() throws Exception {
        Files.write(root.resolve("blob.bin"), new byte[] {'T', 'O', 'D', 'O', 0, 1, 2});

        assertThat(tools.call("search", "pattern", "TODO").output()).doesNotContain("blob.bin");
    }

    @Test
    void whenNothingMatchesThenSaid() {
        ToolOutcome outcome = tools.call("search", "pattern", "nothing-like-this");

        assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
        assertThat(outcome.output()).isEqualTo("No matches for 'nothing-like-this'.");
    }
}
