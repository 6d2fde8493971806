package dev.navi.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NaviClientTest {

    private final ByteArrayOutputStream notices = new ByteArrayOutputStream();

    private PrintStream notices() {
        return new PrintStream(notices, true, StandardCharsets.UTF_8);
    }

    @Nested
    class Problems {

        @Test
        void whenNaviAnswersAProblemThenItsTypeTitleAndDetailAreParsed() {
            try (var navi = new FakeNavi(exchange -> FakeNavi.json(
                    exchange,
                    404,
                    "application/problem+json",
                    "{\"type\":\"urn:navi:problem:task-not-found\",\"title\":\"Task not found\",\"status\":404,"
                            + "\"detail\":\"No task 42\"}"))) {

                assertThatThrownBy(() -> navi.client(notices()).get("/api/v1/tasks/42"))
                        .isInstanceOfSatisfying(NaviApiException.class, e -> {
                            assertThat(e.status()).isEqualTo(404);
                            assertThat(e.type()).isEqualTo("task-not-found");
                            assertThat(e.title()).isEqualTo("Task not found");
                            assertThat(e.detail()).isEqualTo("No task 42");
                            assertThat(e.explanation()).isEqualTo("not found: HTTP 404 Task not found: No task 42");
                        });
            }
        }

        @Test
        void whenTheCredentialIsRefusedThenTheExplanationSaysWhereTokensComeFrom() {
            try (var navi = new FakeNavi(exchange -> FakeNavi.json(
                    exchange, 401, "application/problem+json", "{\"title\":\"Unauthorized\",\"status\":401}"))) {

                assertThatThrownBy(() -> navi.client(notices()).get("/api/v1/tasks"))
                        .isInstanceOfSatisfying(
                                NaviApiException.class,
                                e -> assertThat(e.explanation())
                                        .contains("HTTP 401")
                                        .contains("NAVI_TOKEN"));
            }
        }

        @Test
        void whenTheErrorIsNotJsonThenItsTextIsTheDetail() {
            try (var navi = new FakeNavi(exchange -> FakeNavi.json(exchange, 502, "text/html", "  Bad Gateway \n"))) {

                assertThatThrownBy(() -> navi.client(notices()).get("/api/v1/tasks"))
                        .isInstanceOfSatisfying(NaviApiException.class, e -> {
                            assertThat(e.status()).isEqualTo(502);
                            assertThat(e.type()).isNull();
                            assertThat(e.detail()).isEqualTo("Bad Gateway");
                        });
            }
        }
    }

    @Nested
    class RateLimits {

        @Test
        void whenRateLimitedThenItWaitsRetryAfterAndSucceeds() {
            try (var navi = new FakeNavi(
                    exchange -> FakeNavi.json(
                            exchange, 429, "application/problem+json", "{\"status\":429}", "Retry-After", "1"),
                    exchange -> FakeNavi.json(exchange, 200, "application/json", "{\"items\":[]}"))) {

                var page = navi.client(notices()).get("/api/v1/tasks");

                assertThat(page.path("items").isArray()).isTrue();
                assertThat(navi.requests()).hasSize(2);
                assertThat(notices.toString(StandardCharsets.UTF_8)).contains("rate limited by NAVI, retrying in 1 s");
            }
        }

        @Test
        void whenRetryAfterIsAnHttpDateThenItWaitsASecondInsteadOfFailing() {
            try (var navi = new FakeNavi(
                    exchange -> FakeNavi.json(
                            exchange,
                            429,
                            "application/problem+json",
                            "{\"status\":429}",
                            "Retry-After",
                            "Wed, 21 Oct 2015 07:28:00 GMT"),
                    exchange -> FakeNavi.json(exchange, 200, "application/json", "{\"id\":\"x\"}"))) {

                assertThat(navi.client(notices())
                                .post("/api/v1/tasks", java.util.Map.of())
                                .path("id")
                                .asString())
                        .isEqualTo("x");
            }
        }
    }

    @Nested
    class Requests {

        @Test
        void whenCallingThenTheBearerTokenAndAcceptAreSent() {
            try (var navi = new FakeNavi(exchange -> FakeNavi.json(exchange, 200, "application/json", "{}"))) {

                navi.client(notices()).get("/api/v1/tasks");

                var request = navi.requests().getFirst();
                assertThat(request.header("Authorization")).contains("Bearer secret-token");
                assertThat(request.header("Accept")).contains("application/json");
            }
        }

        @Test
        void whenTheBodyIsADiffThenItsBytesComeBackUnchanged() {
            var diff = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+\u00e9\n";
            try (var navi = new FakeNavi(exchange -> FakeNavi.json(exchange, 200, "text/x-diff;charset=UTF-8", diff))) {

                var bytes = navi.client(notices()).getBytes("/api/v1/tasks/1/diff", "text/x-diff");

                assertThat(bytes).isEqualTo(diff.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Test
        void whenNothingListensThenItIsUnreachableNamingTheUrl() throws Exception {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            var base = URI.create("http://127.0.0.1:" + port);
            var client =
                    new NaviClient(new Connection(base, Optional.empty(), "none"), Duration.ofSeconds(5), notices());

            assertThatThrownBy(() -> client.get("/api/v1/tasks"))
                    .isInstanceOf(NaviUnreachableException.class)
                    .hasMessageStartingWith("cannot reach NAVI at " + base);
        }
    }
}
