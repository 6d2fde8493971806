package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * NAVI processes as shipped ({@code target/navi.jar}) on one embedded PostgreSQL, each with its own NAVI home
 * under {@code temp} and its log in {@code <temp>/<name>.log} (appended to across restarts). Callers
 * authenticate with HS256 JWTs signed with the secret every process is given ({@code NAVI_JWT_SECRET}).
 */
final class NaviProcesses implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("navi.it.jar", "target/navi.jar"));

    private final Path temp;
    private final String jwtSecret;
    private final EmbeddedPostgres postgres;
    private final List<Process> started = new CopyOnWriteArrayList<>();

    NaviProcesses(Path temp, String jwtSecret) throws IOException {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        this.temp = temp;
        this.jwtSecret = jwtSecret;
        this.postgres = EmbeddedPostgres.builder().start();
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    /** The NAVI home of the process called {@code name}, the same for each of its (re)starts. */
    Path home(String name) throws IOException {
        return Files.createDirectories(temp.resolve(name));
    }

    /** Starts {@code java -jar navi.jar --server.port=<port> --navi.home=<home> <settings>}. */
    Process launch(String name, int port, List<String> settings) throws IOException {
        return launch(name, port, List.of(), settings);
    }

    /** Starts {@code java <jvmOptions> -jar navi.jar --server.port=<port> --navi.home=<home> <settings>}. */
    Process launch(String name, int port, List<String> jvmOptions, List<String> settings) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "--server.port=" + port, "--navi.home=" + home(name)));
        command.addAll(settings);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        temp.resolve(name + ".log").toFile()));
        var environment = builder.environment();
        environment.put("NAVI_LOG_FORMAT", "");
        environment.put("NAVI_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
        environment.put("NAVI_DATABASE_USER", "postgres");
        environment.put("NAVI_DATABASE_PASSWORD", "");
        environment.put("NAVI_JWT_SECRET", jwtSecret);
        var process = builder.start();
        started.add(process);
        return process;
    }

    /** Whether {@code GET /health/ready} answers 200 now. */
    static boolean ready(HttpClient http, int port) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(uri(port, "/health/ready"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An HS256 JWT signed with this set's secret, valid for an hour. */
    String token(String subject, String tenant, String scopes) {
        return token(jwtSecret, subject, tenant, scopes);
    }

    /** An HS256 JWT as the security module accepts it, valid for an hour. */
    static String token(String jwtSecret, String subject, String tenant, String scopes) {
        try {
            var claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .claim("tenant", tenant)
                    .claim("scope", scopes)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                    .build();
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(jwtSecret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every process still running (SIGTERM, then SIGKILL after a minute) and the database. */
    @Override
    public void close() throws Exception {
        for (Process process : started) {
            process.destroy();
        }
        for (Process process : started) {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
        postgres.close();
    }
}
