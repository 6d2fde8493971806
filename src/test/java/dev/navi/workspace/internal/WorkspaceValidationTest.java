package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource;
import dev.navi.workspace.WorkspaceSource.GitRepository;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceValidationTest {

    @TempDir
    Path temp;

    private Path root;
    private TaskWorkspaces workspaces;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("workspaces"));
        Files.createDirectories(root.resolve("project/src"));
        Files.writeString(root.resolve("file.txt"), "not a directory");
        Files.createDirectories(temp.resolve("outside"));
        workspaces = new TaskWorkspaces(
                new WorkspaceProperties(root, temp.resolve("tasks"), Duration.ofMinutes(1), 1_000_000));
    }

    private void assertRejected(WorkspaceSource source, Reason reason, String message) {
        assertThatThrownBy(() -> workspaces.validate(source))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    @Nested
    class LocalPaths {

        @ParameterizedTest
        @ValueSource(strings = {"project", "project/src", "./project", "project/"})
        void whenPathIsAnExistingDirectoryUnderTheRootThenAccepted(String path) {
            assertThatCode(() -> workspaces.validate(new LocalPath(path))).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void whenPathIsBlankThenInvalid(String path) {
            assertRejected(new LocalPath(path), Reason.INVALID, "must not be blank");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/etc", "\\server\\share", "C:\\project", "c:/project"})
        void whenPathIsAbsoluteThenInvalid(String path) {
            assertRejected(new LocalPath(path), Reason.INVALID, "must be relative");
        }

        @ParameterizedTest
        @ValueSource(strings = {"..", "../outside", "project/../project", "project\\..\\..\\outside"})
        void whenPathHasDotDotThenInvalid(String path) {
            assertRejected(new LocalPath(path), Reason.INVALID, "must not contain '..'");
        }

        @Test
        void whenPathDoesNotExistThenNotFound() {
            assertRejected(new LocalPath("missing"), Reason.NOT_FOUND, "No directory 'missing'");
        }

        @Test
        void whenPathIsAFileThenNotFound() {
            assertRejected(new LocalPath("file.txt"), Reason.NOT_FOUND, "No directory 'file.txt'");
        }

        @Test
        void whenTheRootDoesNotExistThenUnavailableNamingThePathAndTheVariable() {
            Path missingRoot = temp.resolve("no-such-root");
            var withoutRoot = new TaskWorkspaces(
                    new WorkspaceProperties(missingRoot, temp.resolve("tasks"), Duration.ofMinutes(1), 1_000_000));

            assertThatThrownBy(() -> withoutRoot.validate(new LocalPath("project")))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
                    .hasMessageContaining("'" + missingRoot + "'")
                    .hasMessageContaining("NAVI_WORKSPACES_ROOT");
        }

        @Test
        void whenPathIsASymlinkLeadingOutsideTheRootThenInvalid() throws Exception {
            Files.createSymbolicLink(root.resolve("escape"), temp.resolve("outside"));

            assertRejected(new LocalPath("escape"), Reason.INVALID, "outside the workspaces root");
        }
    }

    @Nested
    class GitRepositories {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://example.invalid/org/repo.git",
                    "http://example.invalid/repo",
                    "ssh://git@example.invalid:2222/org/repo.git",
                    "git://example.invalid/repo.git",
                    "file:///srv/git/repo.git",
                    "git@example.invalid:org/repo.git"
                })
        void whenUrlIsWellFormedThenAcceptedWithoutCloning(String url) {
            assertThatCode(() -> workspaces.validate(new GitRepository(url, null)))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void whenUrlIsBlankThenInvalid(String url) {
            assertRejected(new GitRepository(url, null), Reason.INVALID, "must not be blank");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://example.invalid/repo.git", "just-words", "/srv/git/repo.git", "-uhello"})
        void whenUrlHasNoSupportedSchemeThenInvalid(String url) {
            assertRejected(new GitRepository(url, null), Reason.INVALID, "must use one of");
        }

        @Test
        void whenUrlDoesNotParseThenInvalid() {
            assertRejected(new GitRepository("https://exa mple.invalid/repo", null), Reason.INVALID, "not a valid URL");
        }

        @Test
        void whenUrlHasNoHostThenInvalid() {
            assertRejected(new GitRepository("https:///repo.git", null), Reason.INVALID, "has no host");
        }

        @ParameterizedTest
        @ValueSource(strings = {"main", "feature/x-1", "v1.2.3", "refs/tags/v1.2.3"})
        void whenRefIsSaneThenAccepted(String ref) {
            assertThatCode(() -> workspaces.validate(new GitRepository("https://example.invalid/r.git", ref)))
                    .doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "bad..ref", "-branch", "with space", "ends.lock", "a~b", "x^"})
        void whenRefIsNotAValidNameThenInvalid(String ref) {
            assertRejected(
                    new GitRepository("https://example.invalid/r.git", ref), Reason.INVALID, "not a valid git branch");
        }
    }
}
