package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two NAVI processes as shipped ({@code target/navi.jar}) on one PostgreSQL, as two replicas behind a load
 * balancer: one caller's submissions, alternating between them, draw from one bucket, and once it is empty
 * either process answers 429 with the rate limit headers. The caller authenticates with an HS256 JWT signed
 * with the secret both processes are given ({@code NAVI_JWT_SECRET}).
 */
class RateLimitSharedAcrossReplicasIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final String JWT_SECRET = "rate-limit-test-secret-of-at-least-32-bytes";
    private static final int CAPACITY = 3;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private NaviProcesses processes;

    @TempDir
    Path temp;

    @BeforeEach
    void startDatabase() throws IOException {
        processes = new NaviProcesses(temp, JWT_SECRET);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void whenSubmissionsAlternateBetweenTwoProcessesThenTheyShareOneBucket() throws Exception {
        int first = start("first");
        int second = start("second");
        awaitReady(first);
        awaitReady(second);

        var passed = new ArrayList<HttpResponse<String>>();
        passed.add(submit(first));
        passed.add(submit(second));
        passed.add(submit(first));
        var refusedBySecond = submit(second);
        var refusedByFirst = submit(first);

        assertThat(passed).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(response.headers().firstValue("RateLimit-Policy"))
                    .hasValue("\"submit\";q=" + CAPACITY + ";w=3600");
        });
        assertThat(passed)
                .extracting(response ->
                        response.headers().firstValue("RateLimit").orElse("").replaceAll(";t=\\d+", ""))
                .containsExactly("\"submit\";r=2", "\"submit\";r=1", "\"submit\";r=0");
        assertRefused(refusedBySecond);
        assertRefused(refusedByFirst);
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:navi:problem:rate-limited");
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"submit\";q=" + CAPACITY + ";w=3600");
        assertThat(response.headers().firstValue("RateLimit"))
                .hasValueSatisfying(state -> assertThat(state).matches("\"submit\";r=0;t=\\d+"));
    }

    /** The one place the IT says who calls: an HS256 JWT as the security module accepts it. */
    private HttpRequest.Builder authorize(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token());
    }

    private String token() {
        return processes.token("alice", "acme", "tasks:read tasks:write");
    }

    private int start(String name) throws IOException {
        int port = NaviProcesses.freePort();
        var workspace = Files.createDirectories(
                processes.home(name).resolve("workspaces").resolve("acme").resolve("limited"));
        Files.writeString(workspace.resolve("a.txt"), "a\n");
        processes.launch(
                name,
                port,
                List.of(
                        "--navi.agent.worker-enabled=false",
                        "--navi.ratelimit.submit.capacity=" + CAPACITY,
                        "--navi.ratelimit.submit.refill-period=1h"));
        return port;
    }

    private void awaitReady(int port) {
        await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(NaviProcesses.uri(port, "/health/ready"))
                                        .timeout(Duration.ofSeconds(30))
                                        .build())
                                .statusCode()
                        == 200);
    }

    private HttpResponse<String> submit(int port) {
        var body = json.createObjectNode();
        body.put("prompt", "rate limited " + UUID.randomUUID());
        body.putObject("workspace").put("path", "limited");
        return send(authorize(HttpRequest.newBuilder(NaviProcesses.uri(port, "/api/v1/tasks")))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
