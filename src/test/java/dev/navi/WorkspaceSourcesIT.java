package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.navi.workspace.FinishedTasks;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.PreUploadHook;
import org.eclipse.jgit.transport.UploadPack;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Git sources checked at submission, workspace failures while a task runs, copy caps and retention. */
@TestPropertySource(
        properties = {
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=sk-ant-test",
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim",
            "navi.database.embedded-data-directory=${navi.home}/pgdata-workspace-sources",
            "navi.workspace.max-copy-bytes=300000",
            "navi.workspace.git-allowed-hosts=127.0.0.2/32"
        })
class WorkspaceSourcesIT extends NaviIntegrationTest {

    @Autowired
    FinishedTasks finishedTasks;

    @Nested
    class Submission {

        @Test
        void whenTheRefDoesNotExistThenGitRefNotFoundAndNothingStored() throws Exception {
            var url = repository("ref-check").toUri().toString();
            long before = totalTasks();

            var response = submitGit(url, "no-such-branch");

            assertProblem(response, 422, "git-ref-not-found");
            assertThat(parse(response).get("detail").asString()).contains("no-such-branch");
            assertThat(totalTasks()).isEqualTo(before);
        }

        @Test
        void whenTheRepositoryDoesNotExistThenGitRepositoryNotFound() {
            var response = submitGit(
                    NaviHome.WORKSPACES.resolve("no-such-repo").toUri().toString(), "main");

            assertProblem(response, 422, "git-repository-not-found");
        }

        @Test
        void whenTheDirectoryIsNoRepositoryThenGitRepositoryNotFound() {
            NaviHome.workspace("plain-directory", "a.txt", "a");

            var response = submitGit(
                    NaviHome.WORKSPACES.resolve("plain-directory").toUri().toString(), null);

            assertProblem(response, 422, "git-repository-not-found");
        }

        @Test
        void whenAFileUrlPointsOutsideTheWorkspacesRootThenInvalid() throws Exception {
            var outside = repositoryIn(Files.createTempDirectory("navi-outside-root"));

            var response = submitGit(outside.toUri().toString(), "main");

            assertProblem(response, 400, "invalid-workspace");
            assertThat(parse(response).get("detail").asString()).contains("outside the directories");
        }

        @Test
        void whenAFileUrlPointsAtAnotherTasksCopyThenInvalid() throws Exception {
            var copy = repositoryIn(Files.createDirectories(NaviHome.HOME.resolve("tasks/" + UUID.randomUUID())));

            var response = submitGit(copy.toUri().toString(), "main");

            assertProblem(response, 400, "invalid-workspace");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ext::sh -c touch% /tmp/navi-pwned",
                    "ext::sh",
                    "fd::3",
                    "--upload-pack=x",
                    "--upload-pack=touch /tmp/navi-pwned",
                    "--upload-pack=x@example.invalid:repo",
                    "/srv/git/repo.git"
                })
        void whenTheUrlIsARefusedTransportOrLooksLikeAnOptionThenInvalid(String url) {
            long before = totalTasks();

            var response = submitGit(url, null);

            assertProblem(response, 400, "invalid-workspace");
            assertThat(totalTasks()).isEqualTo(before);
        }
    }

    @Nested
    class InternalHosts {

        @Test
        void whenOpenAndClosedLoopbackPortsAreSubmittedThenTheSameProblemAndNothingConnects() throws Exception {
            try (var listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                int closed;
                try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    closed = socket.getLocalPort();
                }
                long before = totalTasks();

                var open = submitGit("http://127.0.0.1:" + listener.getLocalPort() + "/x.git", null);
                var shut = submitGit("http://127.0.0.1:" + closed + "/x.git", null);

                assertProblem(open, 400, "invalid-workspace");
                assertProblem(shut, 400, "invalid-workspace");
                assertThat(parse(shut).get("detail").asString())
                        .isEqualTo(parse(open).get("detail").asString())
                        .contains("internal address (loopback)", "navi.workspace.git-allowed-hosts");
                assertThat(totalTasks()).isEqualTo(before);
                listener.setSoTimeout(200);
                assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://localhost/x.git", "http://169.254.169.254/latest/meta-data/x.git"})
        void whenTheHostIsInternalThenInvalid(String url) {
            assertProblem(submitGit(url, null), 400, "invalid-workspace");
        }

        @Test
        void whenTheLoopbackAddressIsAllowListedThenItIsReachedAndItsFailureAnswered() throws Exception {
            int closed;
            try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
                closed = socket.getLocalPort();
            }

            var response = submitGit("http://127.0.0.2:" + closed + "/x.git", null);

            assertProblem(response, 409, "workspace-unavailable");
        }
    }

    @Nested
    class WhileRunning {

        @Test
        void whenTheCloneFailsThenTheTaskFailsAsWorkspaceUnavailableWithGitsMessage() throws Exception {
            var repository = repository("broken-objects");
            deleteBlobs(repository);

            var response = submitGit(repository.toUri().toString(), "main");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            var id = parse(response).get("id").asString();
            var finished = awaitFinished(id);

            assertThat(finished.get("status").asString()).isEqualTo("failed");
            assertThat(finished.get("stopReason").asString()).isEqualTo("workspace_unavailable");
            assertThat(finished.get("error").get("class").asString()).isEqualTo("workspace_unavailable");
            assertThat(finished.get("error").get("message").asString())
                    .contains("Cannot clone", "internal server error");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(parse(get("/api/v1/errors?size=200", "application/json"))
                                    .get("items")
                                    .valueStream()
                                    .filter(item ->
                                            id.equals(item.path("taskId").asString()))
                                    .map(item -> item.get("component").asString() + "/"
                                            + item.get("severity").asString()))
                            .containsExactly("workspace/warning"));
        }

        @Test
        void whenTheTaskIsCancelledDuringTheCloneThenItEndsCancelledNotWorkspaceUnavailable() throws Exception {
            var fetching = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var daemon = stallingGitDaemon(repository("stalled-clone"), fetching, release);
            try {
                var url = "git://127.0.0.2:" + daemon.getAddress().getPort() + "/repo";
                var response = submitGit(url, "main");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                var id = parse(response).get("id").asString();
                assertThat(fetching.await(60, TimeUnit.SECONDS))
                        .as("the clone asks for the pack")
                        .isTrue();

                post("/api/v1/tasks/" + id + "/cancel", "");
                var finished = awaitFinished(id);

                assertThat(finished.get("status").asString()).isEqualTo("cancelled");
                assertThat(finished.get("stopReason").asString()).isEqualTo("cancelled");
            } finally {
                release.countDown();
                daemon.stop();
            }
        }

        /** A git:// server that advertises the repository's refs and holds every pack until released. */
        private Daemon stallingGitDaemon(Path directory, CountDownLatch fetching, CountDownLatch release)
                throws Exception {
            var repository = Git.open(directory.toFile()).getRepository();
            var daemon = new Daemon(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            daemon.getService("git-upload-pack").setEnabled(true);
            daemon.setRepositoryResolver((request, name) -> {
                repository.incrementOpen();
                return repository;
            });
            daemon.setUploadPackFactory((request, db) -> {
                var upload = new UploadPack(db);
                upload.setPreUploadHook(new PreUploadHook() {
                    @Override
                    public void onBeginNegotiateRound(UploadPack up, Collection<? extends ObjectId> wants, int cnt) {}

                    @Override
                    public void onEndNegotiateRound(
                            UploadPack up,
                            Collection<? extends ObjectId> wants,
                            int cntCommon,
                            int cntNotFound,
                            boolean ready) {}

                    @Override
                    public void onSendPack(
                            UploadPack up, Collection<? extends ObjectId> wants, Collection<? extends ObjectId> haves) {
                        fetching.countDown();
                        try {
                            release.await(120, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                return upload;
            });
            daemon.start();
            return daemon;
        }

        @Test
        void whenTheDirectoryIsLargerThanTheCapThenTheTaskFailsAsWorkspaceTooLarge() throws Exception {
            var workspace = NaviHome.workspace("too-large", "a.txt", "a");
            Files.write(NaviHome.WORKSPACES.resolve("too-large/big.bin"), new byte[400_000]);

            var finished =
                    awaitFinished(submit("default", workspace, null).get("id").asString());

            assertThat(finished.get("stopReason").asString()).isEqualTo("workspace_too_large");
            assertThat(finished.get("error").get("message").asString()).contains("navi.workspace.max-copy-bytes");
        }

        @Test
        void whenToolsGrowTheCopyPastTheCapThenTheTaskFailsAfterThatRound() {
            var workspace = NaviHome.workspace("grows", "a.txt", "a");

            var finished =
                    awaitFinished(submit("grow-copy", workspace, null).get("id").asString());

            assertThat(finished.get("stopReason").asString()).isEqualTo("workspace_too_large");
            assertThat(finished.get("iterations").asInt()).isEqualTo(1);
            assertThat(finished.get("error").get("message").asString())
                    .contains("The workspace copy of task", "more than 300000 bytes");
        }
    }

    @Nested
    class Retention {

        @Test
        void whenATaskEndedThenItsEndIsKnownAndUnknownIdsAreLeftOut() {
            var workspace = NaviHome.workspace("retention", "a.txt", "a");
            var id =
                    UUID.fromString(submit("default", workspace, null).get("id").asString());
            awaitFinished(id.toString());
            var stranger = UUID.randomUUID();

            var endings = finishedTasks.endings(List.of(id, stranger));

            assertThat(endings).containsOnlyKeys(id);
            assertThat(endings.get(id))
                    .get()
                    .matches(end -> end.isBefore(Instant.now().plusSeconds(1)));
        }

        @Test
        void whenATaskIsQueuedOrRunningThenItHasNoEnd() {
            var workspace = NaviHome.workspace("retention-running", "a.txt", "a");
            var id = UUID.fromString(
                    submit("long-command", workspace, null).get("id").asString());

            assertThat(finishedTasks.endings(List.of(id))).containsEntry(id, Optional.empty());

            post("/api/v1/tasks/" + id + "/cancel", "");
            awaitFinished(id.toString());
        }
    }

    private HttpResponse<String> submitGit(String url, String ref) {
        var body = json.createObjectNode();
        body.put("prompt", "[sim:default] git " + UUID.randomUUID());
        var workspace = body.putObject("workspace").put("git", url);
        if (ref != null) {
            workspace.put("ref", ref);
        }
        return post("/api/v1/tasks", json.writeValueAsString(body));
    }

    private static Path repository(String name) throws Exception {
        return repositoryIn(Files.createTempDirectory(NaviHome.WORKSPACES, name));
    }

    private static Path repositoryIn(Path directory) throws Exception {
        try (var git = Git.init()
                .setDirectory(directory.toFile())
                .setInitialBranch("main")
                .call()) {
            Files.writeString(directory.resolve("README.md"), "from git\n");
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("init")
                    .setAuthor("t", "t@example.org")
                    .setSign(false)
                    .call();
        }
        return directory;
    }

    /** The refs still name a commit (ls-remote answers), but the file content is gone (a clone fails). */
    private static void deleteBlobs(Path repository) throws Exception {
        try (var git = Git.open(repository.toFile())) {
            var blob = git.getRepository().resolve("HEAD:README.md").name();
            Files.delete(repository.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
        }
    }

    private long totalTasks() {
        return parse(get("/api/v1/tasks?limit=100", "application/json"))
                .get("items")
                .size();
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = parse(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:navi:problem:" + type);
    }
}
