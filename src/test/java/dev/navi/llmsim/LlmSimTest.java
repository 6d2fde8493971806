package dev.navi.llmsim;

import static dev.navi.llmsim.SimHttp.ANTHROPIC;
import static dev.navi.llmsim.SimHttp.OPENAI;
import static dev.navi.llmsim.SimHttp.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class LlmSimTest extends SimTestSupport {

    private static JsonNode json(HttpResponse<String> response) {
        return SimHttp.JSON.readTree(response.body());
    }

    @Nested
    class Startup {

        @Test
        void whenStartedOnPortZeroThenAFreePortIsChosen() {
            assertThat(sim.port()).isPositive();
            assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
        }

        @Test
        void whenScriptFileIsInvalidThenStartFailsNamingTheFile(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("broken.json"), "{\"turns\": [{\"tool_calls\": [{}]}]}");

            assertThatThrownBy(() -> LlmSim.start(0, dir))
                    .hasMessageContaining("broken.json")
                    .hasMessageContaining("turns[0].tool_calls[0].name is required");
        }

        @Test
        void whenScriptsDirectoryIsMissingThenRequestsAreRejectedAsUnknownScript(@TempDir Path dir) {
            try (LlmSim empty = LlmSim.start(0, dir.resolve("missing"))) {
                HttpResponse<String> response =
                        new SimHttp(empty.baseUrl()).post(ANTHROPIC, request("hello", 0, false));

                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(json(response).at("/error/message").asString()).contains("no script named 'default'");
            }
        }

        @Test
        void whenClosedWhileAnExchangeHangsThenCloseReturnsPromptly() {
            addScript("{\"name\": \"stuck\", \"turns\": [{\"text\": \"x\", \"faults\": [{\"hang_ms\": 60000}]}]}");
            CompletableFuture.runAsync(() -> http.post(ANTHROPIC, request("[sim:stuck]", 0, false)));
            await().until(() -> loggedRequests().size() == 1);
            Instant start = Instant.now();

            sim.close();

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Nested
    class Selection {

        @Test
        void whenRequestHoldsAssistantMessagesThenTheTurnWithThatIndexIsServed() {
            JsonNode first = http.postJson(ANTHROPIC, request("[sim:tools] go", 0, false));
            JsonNode second = http.postJson(ANTHROPIC, request("[sim:tools] go", 1, false));

            assertThat(first.path("stop_reason").asString()).isEqualTo("tool_use");
            assertThat(second.at("/content/0/text").asString()).isEqualTo("Done: the README explains the build.");
        }

        @Test
        void whenFirstUserMessageHasNoTagThenTheDefaultScriptIsServed() {
            JsonNode reply = http.postJson(OPENAI, request("no tag here", 0, false));

            assertThat(reply.at("/choices/0/message/content").asString()).isEqualTo("Hello from the default script.");
        }

        @Test
        void whenTagIsInContentBlocksThenItSelectsTheScript() {
            String body = """
                    {"model": "m", "max_tokens": 10, "system": "be brief",
                     "messages": [{"role": "user", "content": [{"type": "text", "text": "please [sim:tools]"}]},
                                  {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1",
                                    "name": "read_file", "input": {}}]},
                                  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1",
                                    "content": "file text"}]}]}
                    """;

            JsonNode reply = http.postJson(ANTHROPIC, body);

            assertThat(reply.at("/content/0/text").asString()).isEqualTo("Done: the README explains the build.");
        }

        @Test
        void whenScriptIsUnknownThenAnthropicInvalidRequestErrorSaysSo() {
            HttpResponse<String> response = http.post(ANTHROPIC, request("[sim:nope] go", 0, false));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("type").asString()).isEqualTo("error");
            assertThat(json(response).at("/error/type").asString()).isEqualTo("invalid_request_error");
            assertThat(json(response).at("/error/message").asString()).contains("no script named 'nope'");
        }

        @Test
        void whenTurnIsPastTheEndThenOpenAiInvalidRequestErrorSaysSo() {
            HttpResponse<String> response = http.post(OPENAI, request("[sim:tools] go", 2, false));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).at("/error/type").asString()).isEqualTo("invalid_request_error");
            assertThat(json(response).at("/error/message").asString()).contains("'tools' has 2 turns");
        }

        @Test
        void whenBodyIsNotJsonThenInvalidRequestError() {
            HttpResponse<String> response = http.post(ANTHROPIC, "{not json");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).at("/error/message").asString()).contains("not valid JSON");
        }

        @Test
        void whenPathIsUnknownThenNotFound() {
            assertThat(http.get("/v1/models").statusCode()).isEqualTo(404);
            assertThat(http.post("/v1/messages/count_tokens", "{}").statusCode())
                    .isEqualTo(404);
        }
    }

    @Nested
    class RequestsLog {

        @Test
        void whenRequestsAreServedThenEachIsLoggedWithScriptTurnAttemptAndFault() {
            addScript("{\"name\": \"flaky\", \"turns\": [{\"text\": \"ok\", \"faults\": [{\"status\": 429}]}]}");
            http.post(ANTHROPIC, request("[sim:flaky] go", 0, false));
            http.stream(OPENAI, request("[sim:flaky] go", 0, true));

            List<JsonNode> logged = loggedRequests();

            assertThat(logged).hasSize(2);
            JsonNode first = logged.getFirst();
            assertThat(Instant.parse(first.path("time").asString())).isBeforeOrEqualTo(Instant.now());
            assertThat(first.path("path").asString()).isEqualTo(ANTHROPIC);
            assertThat(first.path("model").asString()).isEqualTo("test-model");
            assertThat(first.path("stream").asBoolean()).isFalse();
            assertThat(first.path("script").asString()).isEqualTo("flaky");
            assertThat(first.path("turn").asInt()).isZero();
            assertThat(first.path("attempt").asInt()).isEqualTo(1);
            assertThat(first.path("fault").asString()).isEqualTo("status 429");
            JsonNode second = logged.get(1);
            assertThat(second.path("path").asString()).isEqualTo(OPENAI);
            assertThat(second.path("stream").asBoolean()).isTrue();
            assertThat(second.path("attempt").asInt())
                    .as("counted per protocol")
                    .isEqualTo(1);
            assertThat(second.path("fault").asString()).isEqualTo("status 429");
        }

        @Test
        void whenClearedThenLogAndAttemptCountersStartOver() {
            addScript("{\"name\": \"flaky\", \"turns\": [{\"text\": \"ok\", \"faults\": [{\"status\": 429}]}]}");
            http.post(ANTHROPIC, request("[sim:flaky] go", 0, false));

            assertThat(http.delete("/_sim/requests").statusCode()).isEqualTo(204);

            assertThat(loggedRequests()).isEmpty();
            assertThat(http.post(ANTHROPIC, request("[sim:flaky] go", 0, false)).statusCode())
                    .isEqualTo(429);
        }

        @Test
        void whenRequestIsRejectedThenLogHasTheReason() {
            http.post(ANTHROPIC, request("[sim:nope] go", 0, false));

            JsonNode entry = loggedRequests().getFirst();
            assertThat(entry.path("script").asString()).isEqualTo("nope");
            assertThat(entry.path("attempt").isNull()).isTrue();
            assertThat(entry.path("error").asString()).contains("no script named 'nope'");
        }
    }

    @Nested
    class Scripts {

        @Test
        void whenScriptIsPostedThenItReplacesTheOneWithThatName() {
            HttpResponse<String> added = http.post(
                    "/_sim/scripts",
                    "{\"name\": \"default\", \"turns\": [{\"text\": \"replaced\"}, {\"text\": \"b\"}]}");

            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(json(added).path("turns").asInt()).isEqualTo(2);
            assertThat(http.postJson(ANTHROPIC, request("hi", 0, false))
                            .at("/content/0/text")
                            .asString())
                    .isEqualTo("replaced");
        }

        @Test
        void whenPostedScriptIsInvalidThenBadRequestWithTheProblem() {
            HttpResponse<String> rejected = http.post("/_sim/scripts", "{\"name\": \"x\", \"turns\": []}");

            assertThat(rejected.statusCode()).isEqualTo(400);
            assertThat(json(rejected).path("error").asString()).contains("turns must hold at least one turn");
        }

        @Test
        void whenScriptsAreListedThenNamesAndTurnCountsAreShown() {
            JsonNode scripts = json(http.get("/_sim/scripts"));

            assertThat(scripts.values())
                    .extracting(script -> script.path("name").asString() + ":"
                            + script.path("turns").asInt())
                    .containsExactly("default:1", "tools:2");
        }
    }
}
