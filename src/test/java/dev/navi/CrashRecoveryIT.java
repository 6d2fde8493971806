package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * NAVI as it is shipped ({@code target/navi.jar}, run as a child process) survives {@code kill -9} of
 * itself and of its embedded PostgreSQL: the next start is ready with the data intact, and a killed
 * server is brought back without restarting NAVI. {@code -Dnavi.it.jar=<path>} runs it against another
 * build of the jar.
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of(System.getProperty("navi.it.jar", "target/navi.jar"));
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration RECOVERY = Duration.ofMinutes(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path home;

    private int port;

    @BeforeEach
    void setUp() throws IOException {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        var workspace = home.resolve("workspaces").resolve("default").resolve("crash");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("a.txt"), "a\n");
        port = freePort();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process navi : started) {
            navi.destroy();
            navi.waitFor();
        }
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void whenNaviAndThenItsDatabaseAreKilledThenItComesBackWithItsData() throws Exception {
        Process first = start("first");
        awaitReady(STARTUP);
        String id = submit();
        long orphan = postmaster().orElseThrow().pid();

        first.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("kill -9 of NAVI leaves its PostgreSQL running")
                .hasValue(true);

        start("second");
        awaitReady(STARTUP);
        assertThat(get("/api/v1/tasks/" + id).statusCode()).isEqualTo(200);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));

        long killed = postmaster().orElseThrow().pid();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> postmaster()
                                .map(ProcessHandle::pid)
                                .filter(pid -> pid != killed)
                                .isPresent()
                        && get("/health/ready").statusCode() == 200
                        && post("/api/v1/tasks", taskBody()).statusCode() == 201);
        assertThat(get("/api/v1/tasks/" + id).statusCode()).isEqualTo(200);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    private Process start(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(
                        java,
                        "-jar",
                        JAR.toString(),
                        "--server.port=" + port,
                        "--navi.home=" + home,
                        "--navi.agent.worker-enabled=false",
                        "--navi.database.embedded-check-interval=500ms",
                        "--navi.database.embedded-restart-backoff=500ms")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("NAVI_LOG_FORMAT", "");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private void awaitReady(Duration ceiling) {
        await().atMost(ceiling)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> get("/health/ready").statusCode() == 200);
    }

    private String submit() {
        var response = post("/api/v1/tasks", taskBody());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private String taskBody() {
        var body = json.createObjectNode();
        body.put("prompt", "crash recovery " + UUID.randomUUID());
        body.putObject("workspace").put("path", "crash");
        return json.writeValueAsString(body);
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            var pidFile = home.resolve("pgdata").resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .GET()
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** As the local admin: the token NAVI wrote under its home (the same file across restarts). */
    private HttpResponse<String> send(HttpRequest request) {
        try {
            var authorized = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header(
                            "Authorization",
                            "Bearer "
                                    + Files.readString(home.resolve("admin.token"))
                                            .strip())
                    .build();
            return http.send(authorized, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
