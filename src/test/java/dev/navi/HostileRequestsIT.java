package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile and malformed requests: every refusal is a 4xx problem with a {@code urn:navi:problem:} type,
 * none is a 5xx, none stores anything, and none records an error event. The last group replays the
 * triggers found by fuzzing and generates more of the same shapes from a fixed seed.
 */
@UsesAnthropicSim
class HostileRequestsIT extends NaviIntegrationTest {

    static final String VALID_BODY = "{\"prompt\": \"[sim:default] hostile\", \"workspace\": {\"path\": \"hostile\"}}";

    @Autowired
    JdbcClient jdbc;

    RawHttp raw;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(port, adminToken());
        NaviHome.workspace("hostile", "a.txt", "a");
    }

    @Nested
    class FrameworkErrors {

        static Stream<Arguments> refusals() {
            return Stream.of(
                    Arguments.of(post("/api/v1/tasks", "text/plain", "hello"), 415, "unsupported-media-type"),
                    Arguments.of(
                            post("/api/v1/tasks", "application/x-www-form-urlencoded", "a=b"),
                            415,
                            "unsupported-media-type"),
                    Arguments.of(
                            post("/api/v1/tasks", "multipart/form-data; boundary=x", "--x--"),
                            415,
                            "unsupported-media-type"),
                    Arguments.of(request("DELETE", "/api/v1/tasks", ""), 405, "method-not-allowed"),
                    Arguments.of(request("GET", "/api/v1/tasks", "Accept: text/html\r\n"), 406, "not-acceptable"),
                    Arguments.of(request("GET", "/api/v1/nothing-here", ""), 404, "not-found"),
                    Arguments.of(request("GET", "/error", ""), 404, "not-found"),
                    Arguments.of(request("GET", "/api/v1/tasks/not-a-uuid", ""), 400, "invalid-request"));
        }

        @ParameterizedTest
        @MethodSource("refusals")
        void whenTheFrameworkRefusesThenTheProblemHasTheTypeOfItsStatus(String request, int status, String type) {
            var response = raw.send(request);

            assertThat(response.status()).as("%s", response).isEqualTo(status);
            assertProblem(response, type);
        }
    }

    @Nested
    class RefusalsStoreNothing {

        static Stream<Arguments> refusedSubmissions() {
            return Stream.of(
                    Arguments.of(validSubmission("POST", "/api/v1/tasks", "Accept: text/html\r\n"), 406),
                    Arguments.of(validSubmission("POST", "/api/v1/tasks", "Accept: application/xml\r\n"), 406),
                    Arguments.of(validSubmission("PUT", "/api/v1/tasks", ""), 405),
                    Arguments.of(post("/api/v1/tasks", "text/plain", VALID_BODY), 415),
                    Arguments.of(validSubmission("POST", "/api/v1/tasks", "Expect: 200-ok\r\n"), 417),
                    Arguments.of(validSubmission("POST", "/api/v1/tasks?=x", ""), 400),
                    Arguments.of(validSubmission("POST", "/api/v1/tasks", "Accept: ;;;/\r\n"), 400),
                    Arguments.of(
                            post("/api/v1/tasks", "application/json", VALID_BODY.replace("hostile\"}", "nowhere\"}")),
                            422),
                    Arguments.of(
                            "POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + chunked(VALID_BODY.replace("hostile\"}", "hostile\"}" + " ".repeat(3_000_000))),
                            413),
                    Arguments.of(post("/api/v1/tasks/" + UUID.randomUUID() + "/cancel", "application/json", ""), 404));
        }

        @ParameterizedTest
        @MethodSource("refusedSubmissions")
        void whenASubmissionIsRefusedThenNoTaskIsStored(String request, int status) {
            long before = taskCount();

            var response = raw.send(request);

            assertThat(response.status()).as("%s", response).isEqualTo(status);
            assertProblem(response, null);
            assertThat(taskCount()).isEqualTo(before);
        }

        @Test
        void whenCancellingWithAnAcceptItCannotProduceThenNotAcceptableAndTheTaskRunsOn() {
            var id = submit("default", "hostile", null).get("id").asString();

            var response = raw.send(
                    request("POST", "/api/v1/tasks/" + id + "/cancel", "Accept: text/html\r\nContent-Length: 0\r\n"));

            assertThat(response.status()).as("%s", response).isEqualTo(406);
            assertProblem(response, "not-acceptable");
            assertThat(awaitFinished(id).get("status").asString()).isEqualTo("succeeded");
        }
    }

    @Nested
    class BodyLimits {

        @Test
        void whenAChunkedBodyExceedsTheLimitThen413BeforeItIsAllRead() throws Exception {
            long total = 60L * 1024 * 1024;
            var sent = new AtomicLong();
            try (var socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                var sender = Thread.ofVirtual().start(() -> sendChunks(socket, total, sent));

                var response = RawHttp.read(socket.getInputStream());

                assertThat(response.status()).as("%s", response).isEqualTo(413);
                assertProblem(response, "payload-too-large");
                assertThat(sent.get()).as("bytes sent before the refusal").isLessThan(total / 2);
                sender.join(Duration.ofSeconds(30));
            }
        }

        @Test
        void whenTheBodyIsLongerThanItsContentLengthClaimsThenOnlyTheClaimedBytesAreRead() {
            var response = raw.send("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5\r\nConnection: close\r\n\r\n" + VALID_BODY);

            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertProblem(response, "malformed-request");
        }

        @Test
        void whenJsonIsNestedTooDeeplyThenMalformedRequest() {
            var body = "{\"prompt\": \"x\", \"workspace\": {\"path\": \"hostile\"}, \"limits\": "
                    + "{\"a\": ".repeat(200) + "1" + "}".repeat(200) + "}";

            var response = raw.send(post("/api/v1/tasks", "application/json", body));

            assertThat(response.status()).as("%s", response).isEqualTo(400);
            assertProblem(response, "malformed-request");
            assertThat(response.body()).contains("nesting depth");
        }

        private void sendChunks(Socket socket, long total, AtomicLong sent) {
            var chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try {
                var out = socket.getOutputStream();
                out.write(("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + adminToken()
                                + "\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(("c\r\n{\"prompt\": \"\r\n").getBytes(StandardCharsets.ISO_8859_1));
                while (sent.get() < total) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    sent.addAndGet(chunk.length);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // the server closed the connection after refusing the body: what this test wants
            }
        }
    }

    @Nested
    class Fuzz {

        @Test
        void whenKnownTriggersAndGeneratedRequestsArriveThenNoServerErrorEveryRefusalAProblemAndNothingStored() {
            long tasksBefore = taskCount();
            long eventsBefore = webErrorEvents();
            var requests = new ArrayList<>(HostileRequests.knownTriggers());
            requests.addAll(new HostileRequests(20261201L).generate(900));

            var failures = new ArrayList<String>();
            for (var request : requests) {
                var response = raw.send(request);
                var verdict = HostileRequests.verdict(request, response);
                if (verdict != null) {
                    failures.add(verdict + " <- " + HostileRequests.printable(request));
                }
            }

            assertThat(failures)
                    .as("%d of %d requests", failures.size(), requests.size())
                    .isEmpty();
            assertThat(taskCount()).isEqualTo(tasksBefore);
            assertNoErrorEventsSince(eventsBefore);
        }
    }

    /** Error events are written in order on one thread: once a later marker is written, the fuzz's would be too. */
    private void assertNoErrorEventsSince(long before) {
        var marker = "hostile-requests marker " + UUID.randomUUID();
        LoggerFactory.getLogger("dev.navi.tools.internal.HostileMarker")
                .error(marker, new IllegalStateException(marker));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from error_events where message like :m")
                                .param("m", "%" + marker + "%")
                                .query(Long.class)
                                .single()
                        > 0);
        assertThat(webErrorEvents()).isEqualTo(before);
    }

    /** Occurrences recorded from the web layer, Spring and Tomcat (component web or other). */
    private long webErrorEvents() {
        return jdbc.sql("select coalesce(sum(count), 0) from error_events where component in ('web', 'other')")
                .query(Long.class)
                .single();
    }

    private long taskCount() {
        return jdbc.sql("select count(*) from tasks").query(Long.class).single();
    }

    static void assertProblem(RawHttp.Response response, String type) {
        assertThat(response.header("Content-Type")).as("%s", response).isEqualTo("application/problem+json");
        var problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).as("%s", response).startsWith("urn:navi:problem:");
        if (type != null) {
            assertThat(problem.path("type").asString()).isEqualTo("urn:navi:problem:" + type);
        }
        assertThat(problem.path("status").asInt()).isEqualTo(response.status());
    }

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    static String request(String method, String target, String headers) {
        return method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + "\r\n";
    }

    static String post(String target, String contentType, String body) {
        return request("POST", target, "Content-Type: " + contentType + "\r\n" + length(body)) + body;
    }

    /** The valid submission with extra headers: the headers alone must make it refused. */
    static String validSubmission(String method, String target, String headers) {
        return request(method, target, headers + "Content-Type: application/json\r\n" + length(VALID_BODY))
                + VALID_BODY;
    }

    static String length(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n";
    }

    static String chunked(String body) {
        var out = new StringBuilder();
        for (int i = 0; i < body.length(); i += 8192) {
            var part = body.substring(i, Math.min(body.length(), i + 8192));
            out.append(Integer.toHexString(part.length()))
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        return out.append("0\r\n\r\n").toString();
    }

    static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
