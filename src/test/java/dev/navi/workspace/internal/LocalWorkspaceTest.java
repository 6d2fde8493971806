package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWorkspaceTest {

    @TempDir
    Path temp;

    private Path root;
    private Path source;
    private Path tasks;
    private TaskWorkspaces workspaces;
    private final UUID taskId = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
        tasks = temp.resolve("tasks");
        source = Files.createDirectories(root.resolve("project"));
        write(source, "README.md", "# Project\n");
        write(source, "src/App.java", "class App {}\n");
        write(source, "run.sh", "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(source.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        workspaces = TestSettings.of(root.getParent(), tasks).workspaces();
    }

    private static void write(Path base, String path, String content) throws Exception {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Nested
    class Prepare {

        @Test
        void whenTheDiffIsAskedForBeforeAnythingAskedForTheBaselineThenItIsEmptyAndRecordsNone() {
            workspaces.prepare(taskId, TestSettings.TENANT, new LocalPath("project"));

            assertThat(workspaces.diff(taskId)).isEmpty();
            assertThat(workspaces.finalDiff(taskId)).isEmpty();
            assertThat(tasks.resolve(taskId + "/baseline.git")).doesNotExist();
        }

        @Test
        void whenNothingNeedsTheBaselineThenNoneIsRecorded() throws Exception {
            workspaces.prepare(taskId, TestSettings.TENANT, new LocalPath("project"));

            assertThat(tasks.resolve(taskId + "/baseline.git"))
                    .as("a copy only read records no baseline")
                    .doesNotExist();
            workspaces.awaitBaseline(taskId);

            assertThat(tasks.resolve(taskId + "/baseline.git")).isDirectory();
        }

        @Test
        void whenReleasedBeforeAnyChangeThenItsBaselineIsNeverRecordedAndTheDiffIsStillEmpty() throws Exception {
            workspaces.prepare(taskId, TestSettings.TENANT, new LocalPath("project"));

            workspaces.release(taskId);
            workspaces.awaitBaseline(taskId);

            assertThat(tasks.resolve(taskId + "/baseline.git"))
                    .as("forgotten, not recorded")
                    .doesNotExist();
            assertThat(workspaces.diff(taskId)).isEmpty();
            assertThat(workspaces.finalDiff(taskId)).isEmpty();
        }

        @Test
        void whenReleasedAfterAChangeThenTheDiffStillShowsIt() throws Exception {
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
            Files.writeString(work.resolve("README.md"), "# Changed");

            workspaces.release(taskId);

            assertThat(workspaces.finalDiff(taskId)).contains("+# Changed");
        }

        @Test
        void whenDeletedRightAfterPreparingThenTheRecordingStopsAndNothingOfTheTaskIsLeft() throws Exception {
            workspaces.prepare(taskId, TestSettings.TENANT, new LocalPath("project"));

            workspaces.delete(taskId);
            workspaces.awaitBaseline(taskId);

            assertThat(tasks.resolve(taskId.toString())).doesNotExist();
        }

        @Test
        void whenPreparedThenTheCopyLivesInTheTaskDirectoryWithTheSameFiles() throws Exception {
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));

            assertThat(work).isEqualTo(tasks.toAbsolutePath().resolve(taskId + "/work"));
            assertThat(work.resolve("README.md")).hasContent("# Project");
            assertThat(work.resolve("src/App.java")).hasContent("class App {}");
            assertThat(tasks.resolve(taskId + "/baseline.git")).isDirectory();
            assertThat(work.resolve(".git"))
                    .as("no link to the baseline inside the copy")
                    .doesNotExist();
        }

        @Test
        void whenPreparedThenExecutableBitsAreKept() throws Exception {
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));

            assertThat(Files.isExecutable(work.resolve("run.sh"))).isTrue();
            assertThat(Files.isExecutable(work.resolve("README.md"))).isFalse();
        }

        @Test
        void whenSourceHasSymlinksThenOnlyThoseInsideAreCopiedAsRelativeLinks() throws Exception {
            Path outside = Files.writeString(temp.resolve("secret.txt"), "secret");
            Files.createSymbolicLink(source.resolve("inside-link"), source.resolve("src/App.java"));
            Files.createSymbolicLink(source.resolve("outside-link"), outside);
            Files.createSymbolicLink(source.resolve("src/up-link"), Path.of("../README.md"));
            Files.createSymbolicLink(source.resolve("dangling-outside"), temp.resolve("not-yet-there"));

            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));

            assertThat(Files.isSymbolicLink(work.resolve("inside-link"))).isTrue();
            assertThat(Files.readSymbolicLink(work.resolve("inside-link"))).isEqualTo(Path.of("src/App.java"));
            assertThat(work.resolve("inside-link").toRealPath())
                    .isEqualTo(work.resolve("src/App.java").toRealPath());
            assertThat(work.resolve("src/up-link")).hasContent("# Project");
            assertThat(work.resolve("outside-link")).doesNotExist();
            assertThat(Files.exists(work.resolve("outside-link"), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
            assertThat(Files.exists(work.resolve("dangling-outside"), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
        }

        @Test
        void whenSourceHasAFifoThenItIsSkipped() throws Exception {
            Process mkfifo = new ProcessBuilder("mkfifo", source.resolve("pipe").toString()).start();
            assertThat(mkfifo.waitFor()).isZero();

            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));

            assertThat(Files.exists(work.resolve("pipe"), LinkOption.NOFOLLOW_LINKS))
                    .isFalse();
            assertThat(work.resolve("README.md")).exists();
        }

        @Test
        void whenTheTaskIsWorkedOnThenTheSourceIsUntouched() throws Exception {
            String before = TreeSnapshot.of(source);

            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
            Files.writeString(work.resolve("README.md"), "changed");
            Files.delete(work.resolve("src/App.java"));
            workspaces.diff(taskId);

            assertThat(TreeSnapshot.of(source)).isEqualTo(before);
        }

        @Test
        void whenTheTasksDirectoryLiesInsideTheSourceThenItIsNotCopiedIntoItself() throws Exception {
            TaskWorkspaces nested = TestSettings.of(root.getParent(), root.resolve("project/.tasks"))
                    .workspaces();

            Path work = TestSettings.prepared(nested, taskId, new LocalPath("project"));

            assertThat(work.resolve(".tasks")).doesNotExist();
            assertThat(work.resolve("README.md")).exists();
        }

        @Test
        void whenPreparedTwiceThenTheSecondCopyReplacesTheFirst() throws Exception {
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
            Files.writeString(work.resolve("leftover.txt"), "x");

            TestSettings.prepared(workspaces, taskId, new LocalPath("project"));

            assertThat(work.resolve("leftover.txt")).doesNotExist();
            assertThat(workspaces.diff(taskId)).isEmpty();
        }

        @Test
        void whenSourceIsInvalidThenNothingIsLeftBehind() {
            assertThatThrownBy(() -> workspaces.prepare(taskId, TestSettings.TENANT, new LocalPath("../etc")))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
            assertThat(tasks.resolve(taskId.toString())).doesNotExist();
        }
    }

    @Nested
    class OwnRepository {

        @Test
        void whenTheSourceIsAGitRepositoryThenItsGitDirectoryIsCopiedButNeverDiffed() throws Exception {
            try (Git git = Git.init().setDirectory(source.toFile()).call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("initial").setSign(false).call();
            }
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
            String ownRepositoryBefore = TreeSnapshot.of(work.resolve(".git"));

            Files.writeString(work.resolve("README.md"), "# Changed\n");
            String diff = workspaces.diff(taskId);

            assertThat(work.resolve(".git/HEAD")).exists();
            assertThat(diff).contains("diff --git a/README.md b/README.md").doesNotContain(".git/");
            assertThat(TreeSnapshot.of(work.resolve(".git"))).isEqualTo(ownRepositoryBefore);
        }
    }

    @Nested
    class Delete {

        @Test
        void whenDeletedThenTheTaskDirectoryIsGoneEvenWithReadOnlyDirectories() throws Exception {
            Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
            Files.setPosixFilePermissions(work.resolve("src"), PosixFilePermissions.fromString("r-xr-xr-x"));

            workspaces.delete(taskId);

            assertThat(tasks.resolve(taskId.toString())).doesNotExist();
            assertThat(source.resolve("src/App.java")).exists();
        }

        @Test
        void whenNothingWasPreparedThenDeleteDoesNothing() {
            workspaces.delete(UUID.randomUUID());

            assertThat(tasks).doesNotExist();
        }
    }
}
