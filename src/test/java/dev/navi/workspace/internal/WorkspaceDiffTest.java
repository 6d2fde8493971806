package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceDiffTest {

    private static final Pattern FILE_HEADER = Pattern.compile("(?m)^diff --git ");

    @TempDir
    Path temp;

    private Path root;
    private Path work;
    private final UUID taskId = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
        Path source = Files.createDirectories(root.resolve("project"));
        Files.writeString(source.resolve("keep.txt"), "unchanged\n");
        Files.writeString(source.resolve("modify.txt"), "one\ntwo\nthree\n");
        Files.writeString(source.resolve("delete.txt"), "doomed\n");
        Files.writeString(source.resolve(".gitignore"), "build/\n*.log\n");
        work = TestSettings.prepared(workspaces(1_000_000), taskId, new LocalPath("project"));
    }

    private TaskWorkspaces workspaces(long maxDiffBytes) {
        return TestSettings.of(root.getParent(), temp.resolve("tasks"))
                .maxDiffBytes(maxDiffBytes)
                .workspaces();
    }

    @Test
    void whenNothingChangedThenTheDiffIsEmpty() {
        assertThat(workspaces(1_000_000).diff(taskId)).isEmpty();
    }

    @Test
    void whenFilesAreAddedModifiedAndDeletedThenTheDiffShowsExactlyThose() throws Exception {
        Files.writeString(work.resolve("modify.txt"), "one\nTWO\nthree\n");
        Files.delete(work.resolve("delete.txt"));
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve("src/new.txt"), "fresh\n");

        String diff = workspaces(1_000_000).diff(taskId);

        assertThat(FILE_HEADER.matcher(diff).results().count()).isEqualTo(3);
        assertThat(diff)
                .contains("diff --git a/modify.txt b/modify.txt", "-two", "+TWO")
                .contains("diff --git a/delete.txt b/delete.txt", "deleted file mode", "-doomed")
                .contains("diff --git a/src/new.txt b/src/new.txt", "new file mode", "+fresh")
                .doesNotContain("keep.txt");
    }

    @Test
    void whenIgnoredFilesAppearThenTheyAreNotInTheDiff() throws Exception {
        Files.createDirectories(work.resolve("build"));
        Files.writeString(work.resolve("build/out.class"), "binary-ish");
        Files.writeString(work.resolve("trace.log"), "log");

        assertThat(workspaces(1_000_000).diff(taskId)).isEmpty();
    }

    @Test
    void whenAFileBecomesExecutableThenTheModeChangeIsShown() throws Exception {
        Files.setPosixFilePermissions(work.resolve("keep.txt"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(workspaces(1_000_000).diff(taskId)).contains("old mode 100644", "new mode 100755");
    }

    @Test
    void whenDiffedTwiceThenTheSecondDiffIsTheSame() throws Exception {
        Files.writeString(work.resolve("modify.txt"), "changed\n");
        TaskWorkspaces workspaces = workspaces(1_000_000);

        assertThat(workspaces.diff(taskId)).isEqualTo(workspaces.diff(taskId)).isNotEmpty();
    }

    @Test
    void whenTheDiffIsLargerThanTheCapThenWholeFilesAreLeftOutWithANote() throws Exception {
        Files.writeString(work.resolve("modify.txt"), "one\nTWO\nthree\n");
        Files.writeString(work.resolve("zz-big.txt"), "line of text\n".repeat(1000));

        String diff = workspaces(500).diff(taskId);

        assertThat(diff)
                .startsWith("# NAVI: not in this diff:\n"
                        + "#   zz-big.txt: the diff would be larger than navi.workspace.max-diff-bytes (500 bytes)\n")
                .contains("diff --git a/modify.txt b/modify.txt", "+TWO")
                .doesNotContain("line of text");
    }

    @Test
    void whenTheTaskHasNoWorkspaceThenNotFound() {
        assertThatThrownBy(() -> workspaces(1_000_000).diff(UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }
}
