package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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

    private static final Path JAR = Path.of(System.getProperty("navi.it.jar", "target/navi.jar"));
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final String JWT_SECRET = "rate-limit-test-secret-of-at-least-32-bytes";
    private static final int CAPACITY = 3;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Process> started = new ArrayList<>();
    private EmbeddedPostgres postgres;

    @TempDir
    Path temp;

    @BeforeEach
    void startDatabase() throws IOException {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process navi : started) {
            navi.destroy();
            navi.waitFor();
        }
        if (postgres != null) {
            postgres.close();
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

    private static String token() {
        try {
            var claims = new JWTClaimsSet.Builder()
                    .subject("alice")
                    .claim("tenant", "acme")
                    .claim("scope", "tasks:read tasks:write")
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                    .build();
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private int start(String name) throws IOException {
        int port = freePort();
        var home = Files.createDirectories(temp.resolve(name));
        var workspace = Files.createDirectories(
                home.resolve("workspaces").resolve("acme").resolve("limited"));
        Files.writeString(workspace.resolve("a.txt"), "a\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        var builder = new ProcessBuilder(
                        java,
                        "-jar",
                        JAR.toString(),
                        "--server.port=" + port,
                        "--navi.home=" + home,
                        "--navi.agent.worker-enabled=false",
                        "--navi.ratelimit.submit.capacity=" + CAPACITY,
                        "--navi.ratelimit.submit.refill-period=1h")
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile());
        var environment = builder.environment();
        environment.put("NAVI_LOG_FORMAT", "");
        environment.put("NAVI_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
        environment.put("NAVI_DATABASE_USER", "postgres");
        environment.put("NAVI_DATABASE_PASSWORD", "");
        environment.put("NAVI_JWT_SECRET", JWT_SECRET);
        started.add(builder.start());
        return port;
    }

    private void awaitReady(int port) {
        await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(uri(port, "/health/ready"))
                                        .timeout(Duration.ofSeconds(30))
                                        .build())
                                .statusCode()
                        == 200);
    }

    private HttpResponse<String> submit(int port) {
        var body = json.createObjectNode();
        body.put("prompt", "rate limited " + UUID.randomUUID());
        body.putObject("workspace").put("path", "limited");
        return send(authorize(HttpRequest.newBuilder(uri(port, "/api/v1/tasks")))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
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

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
