package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource.GitRepository;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Git URLs of internal hosts are refused before any connection; allow-listed ones are reached. */
class InternalGitHostsTest {

    @TempDir
    Path temp;

    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
    }

    private TaskWorkspaces workspaces(String... allowedHosts) {
        return TestSettings.of(root.getParent(), temp.resolve("tasks"))
                .gitAllowedHosts(allowedHosts)
                .workspaces();
    }

    private WorkspaceException refusal(TaskWorkspaces workspaces, String url) {
        try {
            workspaces.validate(TestSettings.TENANT, new GitRepository(url, null));
        } catch (WorkspaceException e) {
            return e;
        }
        throw new AssertionError(url + " was accepted");
    }

    @Nested
    class Refused {

        @Test
        void whenOpenAndClosedLoopbackPortsAreSubmittedThenBothGetTheSameRefusalAndNothingConnects() throws Exception {
            try (var listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                int closed = closedPort();

                var open = refusal(workspaces(), "http://127.0.0.1:" + listener.getLocalPort() + "/x.git");
                var shut = refusal(workspaces(), "http://127.0.0.1:" + closed + "/x.git");

                assertThat(open.reason()).isEqualTo(Reason.INVALID);
                assertThat(shut.reason()).isEqualTo(open.reason());
                assertThat(shut.getMessage()).isEqualTo(open.getMessage());
                assertThat(open.getMessage())
                        .isEqualTo("The git host '127.0.0.1' resolves to an internal address (loopback), which is"
                                + " not allowed: allow-list the host or its network in"
                                + " navi.workspace.git-allowed-hosts.");
                assertNothingConnected(listener);
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "http://localhost/x.git",
                    "http://2130706433/x.git",
                    "https://169.254.169.254/latest/meta-data",
                    "ssh://git@10.0.0.1/x.git",
                    "git://[::1]/x.git",
                    "git@127.0.0.1:org/x.git",
                    "http://[::ffff:127.0.0.1]:8080/x.git",
                    "http://0.0.0.0/x.git",
                    "https://100.64.0.1/x.git",
                    "https://[fd00::1]/x.git"
                })
        void whenTheHostIsInternalThenInvalidWithoutAnyAnswerFromIt(String url) {
            assertThat(refusal(workspaces(), url))
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                    .hasMessageContaining("internal address")
                    .hasMessageContaining("navi.workspace.git-allowed-hosts");
        }

        @Test
        void whenAnotherLoopbackAddressIsAllowListedThenThisOneIsStillRefused() {
            assertThat(refusal(workspaces("127.0.0.2/32"), "http://127.0.0.1:1/x.git")
                            .reason())
                    .isEqualTo(Reason.INVALID);
        }
    }

    @Nested
    class AtCloneTime {

        @Test
        void whenTheHostResolvesToAnInternalAddressByCloneTimeThenTheCloneIsRefused() {
            var answers = new ArrayDeque<>(List.of("192.0.2.10", "10.0.0.1"));
            var guard = new GitHostGuard(List.of(), host -> new InetAddress[] {InetAddress.ofLiteral(answers.poll())});
            var workspaces = new TaskWorkspaces(
                    TestSettings.of(root.getParent(), temp.resolve("tasks")).properties(), guard);
            guard.check("rebinding.example");

            assertThatThrownBy(() -> workspaces.prepare(
                            UUID.randomUUID(),
                            TestSettings.TENANT,
                            new GitRepository("https://rebinding.example/x.git", null)))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                    .hasMessageContaining("'rebinding.example' resolves to an internal address (private)");
        }
    }

    @Nested
    class AllowListed {

        private HttpServer server;
        private final List<String> requests = new CopyOnWriteArrayList<>();

        @BeforeEach
        void startServer() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/missing.git", exchange -> {
                requests.add(exchange.getRequestURI().toString());
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
            server.createContext("/moved.git", exchange -> {
                requests.add(exchange.getRequestURI().toString());
                exchange.getResponseHeaders()
                        .add("Location", "http://169.254.169.254/moved.git/info/refs?service=git-upload-pack");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.start();
        }

        @AfterEach
        void stopServer() {
            server.stop(0);
        }

        private String url(String repository) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
        }

        @Test
        void whenLoopbackIsAllowListedThenTheServerIsAskedAndItsAnswerKept() {
            var e = refusal(workspaces("127.0.0.1/32"), url("missing.git"));

            assertThat(e.reason()).isEqualTo(Reason.GIT_REPOSITORY_NOT_FOUND);
            assertThat(requests).isNotEmpty().allMatch(r -> r.startsWith("/missing.git/info/refs"));
        }

        @Test
        void whenAnAllowListedServerRedirectsToAnInternalAddressThenTheRedirectIsRefused() {
            var e = refusal(workspaces("127.0.0.1"), url("moved.git"));

            assertThat(e.reason()).isEqualTo(Reason.INVALID);
            assertThat(e).hasMessageContaining("'169.254.169.254' resolves to an internal address (link-local)");
            assertThat(requests).hasSize(1);
        }

        @Test
        void whenACloneIsRedirectedToAnInternalAddressThenItFailsWithTheRefusal() throws Exception {
            var guard = new GitHostGuard(List.of("127.0.0.1"));
            Path work = Files.createDirectories(temp.resolve("work"));

            assertThatThrownBy(() -> GitClone.cloneInto(
                            new GitRepository(url("moved.git"), null),
                            url("moved.git"),
                            work,
                            Duration.ofSeconds(30),
                            guard))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("'169.254.169.254' resolves to an internal address (link-local)");
        }
    }

    private static int closedPort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A connection made during the check would be waiting in the backlog already. */
    private static void assertNothingConnected(ServerSocket listener) throws Exception {
        listener.setSoTimeout(200);
        assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
}
