package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource;
import dev.navi.workspace.WorkspaceSource.GitRepository;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceValidationTest {

    /** {@code example.invalid} stands for a public host (a documentation address); nothing is looked up. */
    private static final GitHostGuard PUBLIC_TEST_HOSTS = new GitHostGuard(List.of(), host ->
            new InetAddress[] {InetAddress.ofLiteral(host.endsWith(".invalid") ? "192.0.2.1" : host)});

    @TempDir
    Path temp;

    private Path root;
    private TaskWorkspaces workspaces;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
        Files.createDirectories(root.resolve("project/src"));
        Files.writeString(root.resolve("file.txt"), "not a directory");
        Files.createDirectories(temp.resolve("outside"));
        workspaces = TestSettings.of(root.getParent(), temp.resolve("tasks")).workspaces();
    }

    private void assertRejected(WorkspaceSource source, Reason reason, String message) {
        assertThatThrownBy(() -> workspaces.validate(TestSettings.TENANT, source))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    @Nested
    class LocalPaths {

        @ParameterizedTest
        @ValueSource(strings = {"project", "project/src", "./project", "project/"})
        void whenPathIsAnExistingDirectoryUnderTheRootThenAccepted(String path) {
            assertThatCode(() -> workspaces.validate(TestSettings.TENANT, new LocalPath(path)))
                    .doesNotThrowAnyException();
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
            var withoutRoot =
                    TestSettings.of(missingRoot, temp.resolve("tasks")).workspaces();

            assertThatThrownBy(() -> withoutRoot.validate(TestSettings.TENANT, new LocalPath("project")))
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
    class Tenants {

        private Path other;

        @BeforeEach
        void setUp() throws Exception {
            other = Files.createDirectories(root.resolveSibling("globex").resolve("secret"));
        }

        @Test
        void whenAPathNamesAnotherTenantsDirectoryThenItIsLookedForInTheCallersOwn() {
            assertRejected(new LocalPath("globex/secret"), Reason.NOT_FOUND, "No directory 'globex/secret'");
            assertRejected(new LocalPath("../globex/secret"), Reason.INVALID, "must not contain '..'");
        }

        @Test
        void whenTheTenantOwnsTheDirectoryThenItIsAccepted() {
            assertThatCode(() -> workspaces.validate("globex", new LocalPath("secret")))
                    .doesNotThrowAnyException();
        }

        @Test
        void whenATenantHasNoDirectoryThenItsPathsAreNotFoundLikeMissingOnes() {
            assertThatThrownBy(() -> workspaces.validate("initech", new LocalPath("project")))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                    .hasMessageContaining("No directory 'project'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "..", ".", "../default", "a/b", "Acme", "-x", "a..b", "a\\b", " acme"})
        void whenTheTenantNameCouldLeaveTheRootThenInvalid(String tenant) {
            assertThatThrownBy(() -> workspaces.validate(tenant, new LocalPath("project")))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                    .hasMessageContaining("tenant name");
        }

        @Test
        void whenATenantNameIsTooLongThenInvalid() {
            assertThatThrownBy(() -> workspaces.validate("a".repeat(64), new LocalPath("project")))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        }

        @Test
        void whenAFileUrlPointsIntoAnotherTenantsDirectoryThenInvalid() {
            assertThatThrownBy(() -> workspaces.validate(
                            TestSettings.TENANT, new GitRepository(other.toUri().toString(), null)))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                    .hasMessageContaining("outside the directories");
        }
    }

    @Nested
    class GitUrls {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://example.invalid/org/repo.git",
                    "http://example.invalid/repo",
                    "ssh://git@example.invalid:2222/org/repo.git",
                    "git://example.invalid/repo.git",
                    "git@example.invalid:org/repo.git"
                })
        void whenANetworkUrlIsWellFormedThenItIsClonedAsGiven(String url) {
            assertThat(policy().cloneUrl(url)).isEqualTo(url);
        }

        @Test
        void whenAFileUrlPointsInsideTheRootThenTheRealPathIsCloned() throws Exception {
            Path repository = Files.createDirectories(root.resolve("repos/one"));

            assertThat(policy().cloneUrl(root.toUri() + "repos/./one"))
                    .isEqualTo(repository.toRealPath().toUri().toString());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void whenUrlIsBlankThenInvalid(String url) {
            assertInvalid(url, "must not be blank");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://example.invalid/repo.git", "just-words", "/srv/git/repo.git", "x:y"})
        void whenUrlHasNoSupportedSchemeThenInvalid(String url) {
            assertInvalid(url, "must use one of");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ext::sh -c touch% /tmp/pwned",
                    "ext::sh",
                    "fd::17",
                    "fd::7,8/repo",
                    "EXT::sh -c id",
                    "transport::anything"
                })
        void whenUrlUsesARemoteHelperTransportThenInvalid(String url) {
            assertInvalid(url, "remote helper transport");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "--upload-pack=touch /tmp/pwned",
                    "--upload-pack=x",
                    "-uhello",
                    "ssh://-oProxyCommand=touch%20x/repo",
                    "ssh://-oProxyCommand=x@example.invalid/repo"
                })
        void whenUrlLooksLikeAnOptionThenInvalid(String url) {
            assertInvalid(url, "looks like a command-line option");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-oProxyCommand=x@example.invalid:repo", "git@-example.invalid:repo", "git@host:-x"})
        void whenAnScpLikeUrlHasAnOptionLookingPartThenItIsNotTakenAsScpLike(String url) {
            assertThatThrownBy(() -> policy().cloneUrl(url))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
        }

        @Test
        void whenAFileUrlPointsOutsideTheRootsThenInvalid() {
            assertInvalid(temp.resolve("outside").toUri().toString(), "outside the directories");
        }

        @Test
        void whenAFileUrlClimbsOutOfTheRootWithDotDotThenInvalid() {
            assertInvalid(root.toUri() + "../outside", "outside the directories");
        }

        @Test
        void whenAFileUrlPointsIntoTheTasksDirectoryThenInvalidEvenWhenTheRootHoldsIt() throws Exception {
            Path tasksInRoot = Files.createDirectories(root.resolve("tasks/some-task/work"));
            var policy = new GitUrlPolicy(List.of(root), root.resolve("tasks"), PUBLIC_TEST_HOSTS);

            assertThatThrownBy(() -> policy.cloneUrl(tasksInRoot.toUri().toString()))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                    .hasMessageContaining("outside the directories");
        }

        @Test
        void whenAFileUrlLeadsOutsideThroughASymbolicLinkThenInvalid() throws Exception {
            Files.createSymbolicLink(root.resolve("escape"), temp.resolve("outside"));

            assertInvalid(root.resolve("escape").toUri().toString(), "outside the directories");
        }

        @Test
        void whenAFileUrlNamesAnotherHostThenInvalid() {
            assertInvalid("file://server.invalid/srv/repo.git", "names another host");
        }

        @Test
        void whenAFileUrlIsOutsideTheDefaultRootButInsideAConfiguredOneThenAccepted() throws Exception {
            Path elsewhere = Files.createDirectories(temp.resolve("git-mirrors/repo.git"));
            var policy =
                    new GitUrlPolicy(List.of(temp.resolve("git-mirrors")), temp.resolve("tasks"), PUBLIC_TEST_HOSTS);

            assertThat(policy.cloneUrl(elsewhere.toUri().toString()))
                    .isEqualTo(elsewhere.toRealPath().toUri().toString());
        }

        @Test
        void whenAFileUrlInsideTheRootDoesNotExistThenRepositoryNotFound() {
            assertThatThrownBy(() -> policy().cloneUrl(root.toUri() + "missing.git"))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.GIT_REPOSITORY_NOT_FOUND));
        }

        @Test
        void whenUrlDoesNotParseThenInvalid() {
            assertInvalid("https://exa mple.invalid/repo", "not a valid URL");
        }

        @Test
        void whenUrlHasNoHostThenInvalid() {
            assertInvalid("https:///repo.git", "has no host");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "bad..ref", "-branch", "with space", "ends.lock", "a~b", "x^"})
        void whenRefIsNotAValidNameThenInvalid(String ref) {
            assertRejected(
                    new GitRepository("https://example.invalid/r.git", ref), Reason.INVALID, "not a valid git branch");
        }

        private GitUrlPolicy policy() {
            return new GitUrlPolicy(List.of(root), temp.resolve("tasks"), PUBLIC_TEST_HOSTS);
        }

        private void assertInvalid(String url, String message) {
            assertThatThrownBy(() -> policy().cloneUrl(url))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                    .hasMessageContaining(message);
        }
    }

    @Nested
    class GitServer {

        private String url;

        @BeforeEach
        void setUp() throws Exception {
            Path repository = Files.createDirectories(root.resolve("repo"));
            try (Git git = Git.init()
                    .setDirectory(repository.toFile())
                    .setInitialBranch("main")
                    .call()) {
                Files.writeString(repository.resolve("README.md"), "hello\n");
                git.add().addFilepattern(".").call();
                git.commit().setMessage("init").setSign(false).call();
                git.tag().setName("v1").setSigned(false).setAnnotated(false).call();
            }
            url = repository.toUri().toString();
        }

        @ParameterizedTest
        @ValueSource(strings = {"main", "refs/heads/main", "v1", "refs/tags/v1"})
        void whenTheRefExistsThenAccepted(String ref) {
            assertThatCode(() -> workspaces.validate(TestSettings.TENANT, new GitRepository(url, ref)))
                    .doesNotThrowAnyException();
        }

        @Test
        void whenNoRefIsGivenThenTheRepositoryAloneIsChecked() {
            assertThatCode(() -> workspaces.validate(TestSettings.TENANT, new GitRepository(url, null)))
                    .doesNotThrowAnyException();
        }

        @Test
        void whenTheRefDoesNotExistThenRefNotFound() {
            assertRejected(new GitRepository(url, "no-such-branch"), Reason.GIT_REF_NOT_FOUND, "no-such-branch");
        }

        @Test
        void whenTheDirectoryIsNoRepositoryThenRepositoryNotFound() {
            assertRejected(
                    new GitRepository(root.resolve("project").toUri().toString(), null),
                    Reason.GIT_REPOSITORY_NOT_FOUND,
                    "No git repository");
        }

        @Test
        void whenAnAllowListedServerCannotBeReachedThenUnavailableWithGitsMessage() {
            workspaces = TestSettings.of(root.getParent(), temp.resolve("tasks"))
                    .gitAllowedHosts("127.0.0.1/32")
                    .workspaces();

            assertRejected(
                    new GitRepository("https://127.0.0.1:1/repo.git", null),
                    Reason.UNAVAILABLE,
                    "Cannot reach the git repository 'https://127.0.0.1:1/repo.git'");
        }
    }
}
