package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.workspace.GitApply;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCapsTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path temp;

    private Path root;
    private Path source;
    private final UUID taskId = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
        source = Files.createDirectories(root.resolve("project"));
        Files.writeString(source.resolve("small.txt"), "small\n");
        Files.writeString(source.resolve("data.csv"), "a,b\n".repeat(1000));
    }

    private TaskWorkspaces workspaces(long maxDiffBytes, long maxFileSize) {
        return TestSettings.of(root.getParent(), temp.resolve("tasks"))
                .maxDiffBytes(maxDiffBytes)
                .maxDiffFileSize(maxFileSize)
                .workspaces();
    }

    @Nested
    class FileSize {

        private static final long LIMIT = 1000;

        @Test
        void whenAFileOfOneGibibyteIsAddedThenTheDiffNotesItWithoutItsContent() throws Exception {
            TaskWorkspaces workspaces = workspaces(1_000_000, LIMIT);
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
            try (RandomAccessFile huge =
                    new RandomAccessFile(work.resolve("huge.bin").toFile(), "rw")) {
                huge.setLength(GIB);
            }
            Files.writeString(work.resolve("small.txt"), "changed\n");

            String diff = workspaces.diff(taskId);

            assertThat(diff)
                    .startsWith("# NAVI: not in this diff:\n#   huge.bin: 1073741824 bytes, over "
                            + "navi.workspace.max-diff-file-size (1000 bytes)\n")
                    .contains("diff --git a/small.txt b/small.txt", "+changed")
                    .doesNotContain("diff --git a/huge.bin");
            assertThat(diff.length()).isLessThan(1000);
        }

        @Test
        void whenALargeBaselineFileIsUntouchedThenItIsNotMentioned() {
            TaskWorkspaces workspaces = workspaces(1_000_000, LIMIT);
            TestSettings.prepared(workspaces, taskId, new LocalPath("project"));

            assertThat(workspaces.diff(taskId)).isEmpty();
        }

        @Test
        void whenALargeBaselineFileChangesOrIsDeletedThenItIsNotedNotShown() throws Exception {
            TaskWorkspaces workspaces = workspaces(1_000_000, LIMIT);
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
            Files.writeString(work.resolve("data.csv"), "c,d\n".repeat(1000));

            assertThat(workspaces.diff(taskId))
                    .isEqualTo("# NAVI: not in this diff:\n"
                            + "#   data.csv: 4000 bytes, over navi.workspace.max-diff-file-size (1000 bytes)\n");

            Files.delete(work.resolve("data.csv"));

            assertThat(workspaces.finalDiff(taskId))
                    .contains("#   data.csv: 4000 bytes")
                    .doesNotContain("a,b");
        }
    }

    @Nested
    class DiffSize {

        @Test
        void whenTheDiffWouldPassTheLimitThenTheRestIsNotedAndWhatIsShownStillApplies() throws Exception {
            TaskWorkspaces workspaces = workspaces(400, 1_000_000);
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
            Files.writeString(work.resolve("a-first.txt"), "first\n");
            Files.writeString(work.resolve("b-large.txt"), "line of text\n".repeat(100));
            Files.writeString(work.resolve("c-after.txt"), "after\n");

            String diff = workspaces.diff(taskId);
            GitApply.toFreshCopy(source, diff, temp.resolve("fresh"));

            assertThat(diff)
                    .startsWith(
                            "# NAVI: not in this diff:\n"
                                    + "#   b-large.txt: the diff would be larger than navi.workspace.max-diff-bytes (400 bytes)\n"
                                    + "#   c-after.txt: the diff would be larger than navi.workspace.max-diff-bytes (400 bytes)\n")
                    .contains("diff --git a/a-first.txt b/a-first.txt");
            assertThat(temp.resolve("fresh/a-first.txt")).hasContent("first");
            assertThat(temp.resolve("fresh/b-large.txt")).doesNotExist();
        }
    }
}
