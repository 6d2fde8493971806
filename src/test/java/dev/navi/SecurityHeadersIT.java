package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security headers on every response, whoever answers (a controller, a filter, the container), and no
 * server banner anywhere; the event stream keeps its own {@code no-cache}.
 */
@UsesAnthropicSim
class SecurityHeadersIT extends NaviIntegrationTest {

    @Nested
    class ApplicationResponses {

        @ParameterizedTest
        @ValueSource(strings = {"/api/v1/tasks", "/api/v1/tasks/not-a-uuid", "/api/v1/nothing-here", "/metrics"})
        void whenAnsweredThenNosniffNoReferrerNoStoreAndNoBanner(String path) {
            var response = get(path, "*/*");

            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.body()).doesNotContainPattern("(?i)tomcat/\\d");
        }

        @Test
        void whenAFilterRefusesTheBodyThenTheProblemCarriesTheHeaders() {
            var response = new RawHttp(port, adminToken())
                    .send("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 999999999\r\n\r\n");

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            assertThat(response.header("Server")).isNull();
        }
    }

    @Nested
    class ContainerResponses {

        @Test
        void whenTomcatRefusesTheRequestLineThenNoBannerAndTheHeadersAreSet() {
            var response = new RawHttp(port).send("GET /a b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Server")).isNull();
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache");
        }
    }

    @Nested
    class EventStream {

        @Test
        void whenStreamingThenOnlyNoCacheAndTheOtherHeadersAreSet() {
            var id = submit("default", NaviHome.workspace("headers-stream"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);

            var response = send(HttpRequest.newBuilder(uri("/api/v1/tasks/" + id + "/events"))
                    .header("Accept", "text/event-stream")
                    .build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-cache");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }

        @Test
        void whenReadingEventsAsJsonThenNoStore() {
            var id = submit("default", NaviHome.workspace("headers-json"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);

            HttpResponse<String> response = get("/api/v1/tasks/" + id + "/events", "application/json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
        }
    }
}
