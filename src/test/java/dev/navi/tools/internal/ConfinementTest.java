package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path the model gives must stay inside the workspace, whatever the tool. */
class ConfinementTest {

    @TempDir
    Path temp;

    private Path root;
    private Path outside;
    private ToolCalls tools;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("workspace"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "top secret\n");
        Files.writeString(root.resolve("inside.txt"), "inside\n");
        tools = new ToolCalls(root);
    }

    @Nested
    class RefusedPaths {

        @Test
        void whenPathIsAbsoluteThenRefused() {
            ToolOutcome outcome = tools.call(
                    "read_file", "path", outside.resolve("secret.txt").toString());

            assertRefused(outcome, "is absolute");
        }

        @Test
        void whenPathIsAbsoluteInsideTheWorkspaceThenStillRefused() {
            ToolOutcome outcome =
                    tools.call("read_file", "path", root.resolve("inside.txt").toString());

            assertRefused(outcome, "is absolute");
        }

        @Test
        void whenPathHasADriveLetterThenRefused() {
            assertRefused(tools.call("read_file", "path", "C:\\Windows\\win.ini"), "is absolute");
        }

        @Test
        void whenPathClimbsWithDotDotThenRefused() {
            assertRefused(tools.call("read_file", "path", "../outside/secret.txt"), "contains '..'");
        }

        @Test
        void whenDotDotStaysInsideThenStillRefused() {
            Path sub = root.resolve("sub");

            assertThat(sub.toFile().mkdir()).isTrue();
            assertRefused(tools.call("read_file", "path", "sub/../inside.txt"), "contains '..'");
        }

        @Test
        void whenBackslashDotDotIsUsedThenRefused() {
            assertRefused(tools.call("read_file", "path", "sub\\..\\..\\x"), "contains '..'");
        }

        @Test
        void whenReadingThroughAFileSymlinkPointingOutsideThenRefused() throws Exception {
            Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));

            ToolOutcome outcome = tools.call("read_file", "path", "link.txt");

            assertRefused(outcome, "outside the workspace");
            assertThat(outcome.output()).doesNotContain("top secret");
        }

        @Test
        void whenReadingThroughADirectorySymlinkPointingOutsideThenRefused() throws Exception {
            Files.createSymbolicLink(root.resolve("out"), outside);

            assertRefused(tools.call("read_file", "path", "out/secret.txt"), "outside the workspace");
        }

        @Test
        void whenWritingIntoASymlinkedDirectoryOutsideThenRefusedAndNothingIsWritten() throws Exception {
            Files.createSymbolicLink(root.resolve("out"), outside);

            ToolOutcome outcome = tools.call("write_file", "path", "out/new/planted.txt", "content", "x");

            assertRefused(outcome, "outside the workspace");
            assertThat(outside.resolve("new")).doesNotExist();
        }

        @Test
        void whenOverwritingAFileSymlinkPointingOutsideThenRefused() throws Exception {
            Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));

            assertRefused(tools.call("write_file", "path", "link.txt", "content", "pwned"), "outside the workspace");
            assertThat(outside.resolve("secret.txt")).hasContent("top secret");
        }

        @Test
        void whenWritingThroughADanglingSymlinkThenRefusedAndNothingIsCreated() throws Exception {
            Files.createSymbolicLink(root.resolve("dangling.txt"), outside.resolve("created.txt"));

            assertRefused(tools.call("write_file", "path", "dangling.txt", "content", "x"), "does not exist");
            assertThat(outside.resolve("created.txt")).doesNotExist();
        }

        @Test
        void whenEditingThroughASymlinkOutsideThenRefused() throws Exception {
            Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));

            assertRefused(
                    tools.call("edit_file", "path", "link.txt", "old_text", "top", "new_text", "no"),
                    "outside the workspace");
            assertThat(outside.resolve("secret.txt")).hasContent("top secret");
        }

        @Test
        void whenListingOrSearchingThroughASymlinkOutsideThenRefused() throws Exception {
            Files.createSymbolicLink(root.resolve("out"), outside);

            assertRefused(tools.call("list_files", "path", "out"), "outside the workspace");
            assertRefused(tools.call("search", "pattern", "secret", "path", "out"), "outside the workspace");
        }
    }

    @Nested
    class AllowedPaths {

        @Test
        void whenSymlinkPointsInsideThenItIsFollowed() throws Exception {
            Files.createSymbolicLink(root.resolve("alias.txt"), root.resolve("inside.txt"));

            ToolOutcome outcome = tools.call("read_file", "path", "alias.txt");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(outcome.output()).contains("inside");
        }

        @Test
        void whenSearchingTheWholeWorkspaceThenSymlinkedFilesOutsideAreNotRead() throws Exception {
            Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
            Files.createSymbolicLink(root.resolve("out"), outside);

            ToolOutcome outcome = tools.call("search", "pattern", "secret");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(outcome.output()).startsWith("No matches");
        }

        @Test
        void whenPathIsDotSlashPrefixedThenItResolvesInside() {
            ToolOutcome outcome = tools.call("read_file", "path", "./inside.txt");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
        }
    }

    private static void assertRefused(ToolOutcome outcome, String reason) {
        assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
        assertThat(outcome.output()).contains(reason);
    }
}
