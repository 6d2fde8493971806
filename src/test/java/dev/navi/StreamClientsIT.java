package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The event stream as browsers and reverse proxies see it: resume of a finished task, headers before
 * the first event, proxy buffering off, CORS, and URLs that never echo the request's {@code Host}.
 * The application allows the origin {@link NaviIntegrationTest#CONSOLE_ORIGIN}.
 */
@UsesAnthropicSim
class StreamClientsIT extends NaviIntegrationTest {

    private static final Duration CEILING = Duration.ofSeconds(30);

    @Nested
    class ResumeOfAFinishedTask {

        @ParameterizedTest
        @ValueSource(strings = {"header", "query"})
        void whenResumingAtTheTerminalEventThenNoContentAndNoBody(String how) {
            var id = finishedTask("resume-end-" + how);
            long last = lastSeq(id);

            var request = how.equals("header")
                    ? streamRequest(id, null).header("Last-Event-ID", Long.toString(last))
                    : streamRequest(id, "?after=" + last);

            var response = within(request.build());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void whenResumingPastTheTerminalEventThenNoContent() {
            var id = finishedTask("resume-past");

            var response = within(streamRequest(id, null)
                    .header("Last-Event-ID", Long.toString(lastSeq(id) + 5))
                    .build());

            assertThat(response.statusCode()).isEqualTo(204);
        }

        @Test
        void whenResumingBeforeTheTerminalEventThenTheRestFollowsAndTheStreamEnds() {
            var id = finishedTask("resume-before");
            long last = lastSeq(id);

            var events = sse.readAll(uri("/api/v1/tasks/" + id + "/events"), Long.toString(last - 1));

            assertThat(events)
                    .filteredOn(e -> !e.type().equals("heartbeat"))
                    .extracting(SseClient.Event::id)
                    .containsExactly(Long.toString(last));
        }

        @Test
        void whenResumedPastTheEndOfARunningTaskThenTheStreamEndsWhenTheTaskDoes() throws Exception {
            var id = submit("hang", NaviHome.workspace("resume-ahead"), null)
                    .get("id")
                    .asString();
            sse.readUntil(
                    uri("/api/v1/tasks/" + id + "/events"), null, e -> e.type().equals("llm.request"));
            var response = http.send(
                    streamRequest(id, null).header("Last-Event-ID", "1000").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (var body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(body.readLine()).as("the stream is open").startsWith("retry:");

                post("/api/v1/tasks/" + id + "/cancel", "");

                var rest = CompletableFuture.supplyAsync(() -> body.lines().toList());
                assertThat(rest.get(CEILING.toSeconds(), TimeUnit.SECONDS))
                        .as("the stream has ended, sending nothing past the resume point")
                        .noneMatch(line -> line.startsWith("id:"));
            }
        }

        @Test
        void whenStreamedFromTheStartThenTheStreamEndsAfterTheTerminalEvent() {
            var id = finishedTask("from-start");

            var response = within(streamRequest(id, null).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body().strip()).contains("event:task.succeeded").endsWith("}");
        }
    }

    @Nested
    class Headers {

        @Test
        void whenJoiningAnIdleTaskThenHeadersAndTheRetryFieldComeBeforeItsNextEvent() throws Exception {
            var id = submit("hang", NaviHome.workspace("idle-headers"), null)
                    .get("id")
                    .asString();
            sse.readUntil(
                    uri("/api/v1/tasks/" + id + "/events"), null, e -> e.type().equals("llm.request"));
            long last = lastSeq(id);
            try {
                var response = http.send(
                        streamRequest(id, null)
                                .header("Last-Event-ID", Long.toString(last))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (var body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {

                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(body.readLine())
                            .as("the stream opens with its reconnection delay, not an event")
                            .matches("retry: ?\\d+");
                    assertThat(lastSeq(id)).as("the task has not moved on").isEqualTo(last);
                }
            } finally {
                post("/api/v1/tasks/" + id + "/cancel", "");
            }
        }

        @Test
        void whenStreamingThenCachingAndProxyBufferingAreOff() {
            var id = finishedTask("stream-headers");

            var response = within(streamRequest(id, null).build());

            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        }
    }

    @Nested
    class Cors {

        @Test
        void whenTheConfiguredOriginPreflightsAResumeThenLastEventIdIsAllowed() {
            var response = preflight(CONSOLE_ORIGIN);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue(CONSOLE_ORIGIN);
            assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                    .hasValueSatisfying(
                            headers -> assertThat(headers.toLowerCase()).contains("last-event-id"));
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                    .hasValueSatisfying(methods -> assertThat(methods).contains("GET"));
        }

        @Test
        void whenAnotherOriginPreflightsThenRefused() {
            var response = preflight("https://evil.example");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:origin-not-allowed");
        }

        @Test
        void whenTheConfiguredOriginReadsTheStreamThenItMayReadIt() {
            var id = finishedTask("cors-stream");

            var response = within(
                    streamRequest(id, null).header("Origin", CONSOLE_ORIGIN).build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue(CONSOLE_ORIGIN);
        }

        @Test
        void whenTheConfiguredOriginSubmitsThenItMayReadLocation() {
            var workspace = NaviHome.workspace("cors-submit", "a.txt", "a");

            var response = send(HttpRequest.newBuilder(uri("/api/v1/tasks"))
                    .header("Origin", CONSOLE_ORIGIN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"prompt\": \"[sim:default] cors\", \"workspace\": {\"path\": \"" + workspace + "\"}}"))
                    .build());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue(CONSOLE_ORIGIN);
            assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                    .hasValueSatisfying(headers -> assertThat(headers)
                            .contains("Location", "Retry-After", "WWW-Authenticate", "RateLimit", "RateLimit-Policy"));
        }

        private HttpResponse<String> preflight(String origin) {
            return send(HttpRequest.newBuilder(uri("/api/v1/tasks/00000000-0000-0000-0000-000000000000/events"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "last-event-id")
                    .build());
        }
    }

    @Nested
    class ForgedHost {

        @Test
        void whenHostIsForgedThenLocationDoesNotCarryIt() {
            var workspace = NaviHome.workspace("forged-host", "a.txt", "a");
            var body = "{\"prompt\": \"[sim:default] host\", \"workspace\": {\"path\": \"" + workspace + "\"}}";

            var response = raw("POST /api/v1/tasks HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Content-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\nConnection: close\r\n\r\n"
                    + body);

            assertThat(response).startsWith("HTTP/1.1 201");
            assertThat(header(response, "Location"))
                    .doesNotContain("evil.example")
                    .matches("/api/v1/tasks/[0-9a-f-]{36}");
        }

        @Test
        void whenHostIsForgedThenTheOpenApiServersDoNotCarryIt() {
            var response = raw("GET /api/openapi HTTP/1.1\r\nHost: evil.example\r\n"
                    + "X-Forwarded-Host: evil.example\r\nAccept: application/json\r\nConnection: close\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 200").contains("\"servers\"");
            assertThat(response).doesNotContain("evil.example");
        }

        private String raw(String request) {
            try (var socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout((int) CEILING.toMillis());
                var authorized = request.replaceFirst("\r\n", "\r\nAuthorization: Bearer " + adminToken() + "\r\n");
                socket.getOutputStream().write(authorized.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String header(String response, String name) {
            return response.lines()
                    .takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + response));
        }
    }

    private String finishedTask(String name) {
        var id = submit("default", NaviHome.workspace(name, "a.txt", "a"), null)
                .get("id")
                .asString();
        awaitFinished(id);
        return id;
    }

    private long lastSeq(String id) {
        return parse(get("/api/v1/tasks/" + id + "/events?after=0", "application/json"))
                .get("next")
                .asLong();
    }

    /** The whole response, or a failure if it has not ended within the ceiling (a stream that stays open). */
    private HttpResponse<String> within(HttpRequest request) {
        var authorized = request.headers().firstValue("Authorization").isPresent()
                ? request
                : HttpRequest.newBuilder(request, (name, value) -> true)
                        .header("Authorization", "Bearer " + adminToken())
                        .build();
        var response = http.sendAsync(authorized, HttpResponse.BodyHandlers.ofString());
        try {
            return response.get(CEILING.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new AssertionError("the response did not end within " + CEILING, e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder streamRequest(String id, String query) {
        return HttpRequest.newBuilder(uri("/api/v1/tasks/" + id + "/events" + (query == null ? "" : query)))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + adminToken())
                .timeout(CEILING);
    }
}
