package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource.GitRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitWorkspaceTest {

    @TempDir
    Path temp;

    private Path tasks;
    private String url;
    private TaskWorkspaces workspaces;
    private final UUID taskId = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        Path upstream =
                Files.createDirectories(temp.resolve(TestSettings.TENANT).resolve("upstream"));
        try (Git git = Git.init()
                .setDirectory(upstream.toFile())
                .setInitialBranch("main")
                .call()) {
            commit(git, upstream, "README.md", "main readme\n");
            git.tag().setName("v1").setSigned(false).setAnnotated(false).call();
            git.checkout().setCreateBranch(true).setName("feature").call();
            commit(git, upstream, "feature.txt", "feature work\n");
            git.checkout().setName("main").call();
            commit(git, upstream, "main.txt", "later on main\n");
        }
        url = upstream.toUri().toString();
        tasks = temp.resolve("tasks");
        workspaces = TestSettings.of(temp, tasks).workspaces();
    }

    private static void commit(Git git, Path directory, String file, String content) throws Exception {
        Files.writeString(directory.resolve(file), content);
        git.add().addFilepattern(file).call();
        git.commit().setMessage("add " + file).setSign(false).call();
    }

    @Test
    void whenNoRefIsGivenThenTheDefaultBranchIsCloned() {
        Path work = TestSettings.prepared(workspaces, taskId, new GitRepository(url, null));

        assertThat(url).startsWith("file:");
        assertThat(work.resolve("main.txt")).hasContent("later on main");
        assertThat(work.resolve("feature.txt")).doesNotExist();
        assertThat(work.resolve(".git")).isDirectory();
    }

    @Test
    void whenABranchIsGivenThenThatBranchIsCloned() {
        Path work = TestSettings.prepared(workspaces, taskId, new GitRepository(url, "feature"));

        assertThat(work.resolve("feature.txt")).hasContent("feature work");
        assertThat(work.resolve("main.txt")).doesNotExist();
    }

    @Test
    void whenATagIsGivenThenThatTagIsCloned() {
        Path work = TestSettings.prepared(workspaces, taskId, new GitRepository(url, "v1"));

        assertThat(work.resolve("README.md")).exists();
        assertThat(work.resolve("main.txt")).doesNotExist();
        assertThat(work.resolve("feature.txt")).doesNotExist();
    }

    @Test
    void whenClonedThenTheBaselineMakesTheFirstDiffEmptyAndChangesShowUp() throws Exception {
        Path work = TestSettings.prepared(workspaces, taskId, new GitRepository(url, "feature"));

        assertThat(workspaces.diff(taskId)).isEmpty();
        Files.writeString(work.resolve("feature.txt"), "improved\n");
        assertThat(workspaces.diff(taskId))
                .contains("diff --git a/feature.txt b/feature.txt", "+improved")
                .doesNotContain(".git/");
    }

    @Test
    void whenTheBranchDoesNotExistThenUnavailableAndNothingIsLeft() {
        assertThatThrownBy(
                        () -> workspaces.prepare(taskId, TestSettings.TENANT, new GitRepository(url, "no-such-branch")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
                .hasMessageContaining("no-such-branch");
        assertThat(tasks.resolve(taskId.toString())).doesNotExist();
    }

    @Test
    void whenTheRepositoryDoesNotExistThenNotFoundAndNothingIsLeft() {
        String missing =
                temp.resolve(TestSettings.TENANT).resolve("missing").toUri().toString();

        assertThatThrownBy(() -> workspaces.prepare(taskId, TestSettings.TENANT, new GitRepository(missing, null)))
                .isInstanceOfSatisfying(
                        WorkspaceException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.GIT_REPOSITORY_NOT_FOUND))
                .hasMessageContaining("No git repository");
        assertThat(tasks.resolve(taskId.toString())).doesNotExist();
    }

    @Test
    void whenTheCloneTakesLongerThanTheTimeoutThenUnavailableAndNothingIsLeft() throws Exception {
        TaskWorkspaces impatient =
                TestSettings.of(temp, tasks).cloneTimeout(Duration.ofNanos(1)).workspaces();

        assertThatThrownBy(() -> impatient.prepare(taskId, TestSettings.TENANT, new GitRepository(url, null)))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
                .hasMessageContaining("took longer than");
        assertThat(tasks.resolve(taskId.toString())).doesNotExist();
    }

    @Test
    void whenTheUrlIsInvalidThenInvalidBeforeAnyClone() {
        assertThatThrownBy(() -> workspaces.prepare(
                        taskId, TestSettings.TENANT, new GitRepository("ftp://example.invalid/r", null)))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }
}
