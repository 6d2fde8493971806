package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's page and files are served to anyone with a policy that allows NAVI's own scripts and styles
 * only; the API behind it still needs a token and keeps a policy that allows nothing.
 */
@UsesAnthropicSim
class ConsoleServingIT extends NaviIntegrationTest {

    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private HttpResponse<String> anonymous(String path, String accept) {
        return sendAsIs(
                HttpRequest.newBuilder(uri(path)).header("Accept", accept).build());
    }

    @Nested
    class WithoutAToken {

        @Test
        void whenTheRootIsAskedForThenThePageWithTheConsolePolicy() {
            var response = anonymous("/", "text/html");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).contains("<navi-app>", "src=\"/console/app.js\"");
            assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(CONSOLE_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/console/app.js", "/console/sse.js", "/console/console.css", "/index.html"})
        void whenAConsoleFileIsAskedForThenItIsServed(String path) {
            var response = anonymous(path, "*/*");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(CONSOLE_POLICY);
        }

        @Test
        void whenAModuleIsServedThenItIsJavaScript() {
            var response = anonymous("/console/app.js", "*/*");

            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        }

        @Test
        void whenTheSignInMethodIsAskedForThenTheLocalAdminToken() {
            var response = anonymous("/console/sign-in", "application/json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(parse(response).get("method").asString()).isEqualTo("admin-token");
        }

        @Test
        void whenAConsoleFileDoesNotExistThenANotFoundProblem() {
            var response = anonymous("/console/nothing-here.js", "*/*");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/v1/tasks", "/nothing-here"})
        void whenAnythingElseIsAskedForThenUnauthorizedWithThePolicyThatAllowsNothing(String path) {
            var response = anonymous(path, "application/json");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'"));
        }

        @Test
        void whenTheConsoleIsPostedToThenUnauthorized() {
            var response = sendAsIs(HttpRequest.newBuilder(uri("/"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());

            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class WithAToken {

        @Test
        void whenTheApiAnswersThenItsPolicyAllowsNothing() {
            var response = get("/api/v1/tasks", "application/json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Content-Security-Policy"))
                    .containsExactly("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        }
    }
}
