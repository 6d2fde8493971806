package dev.navi.llmsim;

import static dev.navi.llmsim.SimHttp.ANTHROPIC;
import static dev.navi.llmsim.SimHttp.OPENAI;
import static dev.navi.llmsim.SimHttp.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FaultsTest extends SimTestSupport {

    private static final String PROMPT = "[sim:flaky] do it";

    /** A two-turn script named flaky whose first turn has the given faults. */
    private void flakyScript(String faults) {
        addScript("""
                {"name": "flaky", "turns": [
                  {"text": "First turn text, long enough for several chunks.", "faults": %s},
                  {"text": "Second turn."}
                ]}
                """.formatted(faults));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return SimHttp.JSON.readTree(response.body());
    }

    @Nested
    class Status {

        @Test
        void whenStatusFaultThenAnthropicErrorWithHeadersThenTheTurnSucceeds() {
            flakyScript("[{\"status\": 429, \"headers\": {\"retry-after\": \"2\"}}]");

            HttpResponse<String> failed = http.post(ANTHROPIC, request(PROMPT, 0, false));
            HttpResponse<String> retried = http.post(ANTHROPIC, request(PROMPT, 0, false));

            assertThat(failed.statusCode()).isEqualTo(429);
            assertThat(failed.headers().firstValue("retry-after")).contains("2");
            assertThat(failed.headers().firstValue("content-type")).contains("application/json");
            assertThat(json(failed).path("type").asString()).isEqualTo("error");
            assertThat(json(failed).at("/error/type").asString()).isEqualTo("rate_limit_error");
            assertThat(json(failed).at("/error/message").asString()).isNotBlank();
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(json(retried).at("/content/0/text").asString()).startsWith("First turn text");
        }

        @Test
        void whenStatus529ThenAnthropicOverloadedError() {
            flakyScript("[{\"status\": 529}]");

            HttpResponse<String> failed = http.post(ANTHROPIC, request(PROMPT, 0, false));

            assertThat(failed.statusCode()).isEqualTo(529);
            assertThat(json(failed).at("/error/type").asString()).isEqualTo("overloaded_error");
        }

        @Test
        void whenStatusFaultThenOpenAiErrorShape() {
            flakyScript("[{\"status\": 500}]");

            JsonNode error = json(http.post(OPENAI, request(PROMPT, 0, false))).path("error");

            assertThat(error.path("type").asString()).isEqualTo("server_error");
            assertThat(error.path("message").asString()).isNotBlank();
            assertThat(error.has("param")).isTrue();
            assertThat(error.path("param").isNull()).isTrue();
            assertThat(error.path("code").isNull()).isTrue();
        }

        @Test
        void whenCodeIsInsufficientQuotaThenOpenAiQuotaError() {
            flakyScript("[{\"status\": 429, \"code\": \"insufficient_quota\"}]");

            HttpResponse<String> failed = http.post(OPENAI, request(PROMPT, 0, false));

            assertThat(failed.statusCode()).isEqualTo(429);
            assertThat(json(failed).at("/error/type").asString()).isEqualTo("insufficient_quota");
            assertThat(json(failed).at("/error/code").asString()).isEqualTo("insufficient_quota");
            assertThat(json(failed).at("/error/message").asString()).contains("quota");
        }

        @Test
        void whenErrorTypeIsGivenThenAnthropicUsesIt() {
            flakyScript("[{\"status\": 500, \"error_type\": \"overloaded_error\", \"message\": \"busy\"}]");

            JsonNode error =
                    json(http.post(ANTHROPIC, request(PROMPT, 0, false))).path("error");

            assertThat(error.path("type").asString()).isEqualTo("overloaded_error");
            assertThat(error.path("message").asString()).isEqualTo("busy");
        }

        @Test
        void whenFaultHasBodyThenItIsSentVerbatim() {
            flakyScript("[{\"status\": 400, \"body\": {\"custom\": true}}]");

            HttpResponse<String> failed = http.post(ANTHROPIC, request(PROMPT, 0, false));

            assertThat(failed.statusCode()).isEqualTo(400);
            assertThat(failed.body()).isEqualTo("{\"custom\":true}");
        }
    }

    @Nested
    class Repetition {

        @Test
        void whenTimesIsTwoThenTwoFailuresThenSuccess() {
            flakyScript("[{\"status\": 503, \"times\": 2}]");

            List<Integer> statuses = List.of(1, 2, 3).stream()
                    .map(attempt -> http.post(OPENAI, request(PROMPT, 0, false)).statusCode())
                    .toList();

            assertThat(statuses).containsExactly(503, 503, 200);
        }

        @Test
        void whenTimesIsForeverThenEveryAttemptFails() {
            flakyScript("[{\"status\": 503, \"times\": -1}]");

            List<Integer> statuses = List.of(1, 2, 3, 4).stream()
                    .map(attempt -> http.post(OPENAI, request(PROMPT, 0, false)).statusCode())
                    .toList();

            assertThat(statuses).containsOnly(503);
        }

        @Test
        void whenSeveralFaultsThenTheyAreServedInOrder() {
            flakyScript("[{\"status\": 429}, {\"status\": 500, \"times\": 2}]");

            List<Integer> statuses = List.of(1, 2, 3, 4).stream()
                    .map(attempt ->
                            http.post(ANTHROPIC, request(PROMPT, 0, false)).statusCode())
                    .toList();

            assertThat(statuses).containsExactly(429, 500, 500, 200);
        }

        @Test
        void whenConversationsDifferThenTheyDoNotShareFaultCounters() {
            flakyScript("[{\"status\": 429}]");

            int first = http.post(ANTHROPIC, request(PROMPT, 0, false)).statusCode();
            int otherConversation = http.post(ANTHROPIC, request(PROMPT + " elsewhere", 0, false))
                    .statusCode();
            int firstAgain = http.post(ANTHROPIC, request(PROMPT, 0, false)).statusCode();

            assertThat(List.of(first, otherConversation, firstAgain)).containsExactly(429, 429, 200);
        }

        @Test
        void whenProtocolsDifferThenTheyDoNotShareFaultCounters() {
            flakyScript("[{\"status\": 429}]");

            int anthropic = http.post(ANTHROPIC, request(PROMPT, 0, false)).statusCode();
            int openAi = http.post(OPENAI, request(PROMPT, 0, false)).statusCode();
            int openAiAgain = http.post(OPENAI, request(PROMPT, 0, false)).statusCode();

            assertThat(List.of(anthropic, openAi, openAiAgain)).containsExactly(429, 429, 200);
        }

        @Test
        void whenLaterTurnIsRequestedThenItHasItsOwnCounter() {
            flakyScript("[{\"status\": 429, \"times\": -1}]");

            assertThat(http.post(ANTHROPIC, request(PROMPT, 1, false)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Nested
    class Cut {

        @Test
        void whenAnthropicStreamIsCutThenExactlyThatManyEventsThenTheConnectionDrops() {
            flakyScript("[{\"cut_after_chunks\": 3}]");

            SimHttp.Stream cut = http.stream(ANTHROPIC, request(PROMPT, 0, true));
            SimHttp.Stream retried = http.stream(ANTHROPIC, request(PROMPT, 0, true));

            assertThat(cut.status()).isEqualTo(200);
            assertThat(cut.broken()).isTrue();
            assertThat(cut.events())
                    .extracting(SimHttp.Event::name)
                    .containsExactly("message_start", "content_block_start", "ping");
            assertThat(retried.broken()).isFalse();
            assertThat(retried.events().getLast().name()).isEqualTo("message_stop");
        }

        @Test
        void whenOpenAiStreamIsCutThenNoDoneMarker() {
            flakyScript("[{\"cut_after_chunks\": 2}]");

            SimHttp.Stream cut = http.stream(OPENAI, request(PROMPT, 0, true));

            assertThat(cut.broken()).isTrue();
            assertThat(cut.events()).hasSize(2);
            assertThat(cut.events()).noneMatch(event -> event.data().equals("[DONE]"));
        }

        @Test
        void whenNonStreamingReplyIsCutThenTheBodyIsIncomplete() {
            flakyScript("[{\"cut_after_chunks\": 1}]");

            assertThatThrownBy(() -> http.post(OPENAI, request(PROMPT, 0, false)))
                    .hasCauseInstanceOf(IOException.class);
            assertThat(http.post(OPENAI, request(PROMPT, 0, false)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Nested
    class Hang {

        @Test
        void whenHangingThenTheClientTimesOutAndTheNextAttemptSucceeds() throws Exception {
            flakyScript("[{\"hang_ms\": 30000}]");

            assertThatThrownBy(() -> http.post(ANTHROPIC, request(PROMPT, 0, false), Duration.ofMillis(300)))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThat(http.post(ANTHROPIC, request(PROMPT, 0, false), Duration.ofSeconds(10))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void whenTheHangEndsThenTheConnectionDropsWithoutResponse() {
            flakyScript("[{\"hang_ms\": 50}]");

            assertThatThrownBy(() -> http.post(ANTHROPIC, request(PROMPT, 0, false), Duration.ofSeconds(10)))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(HttpTimeoutException.class);
        }
    }

    @Nested
    class StreamError {

        @Test
        void whenAnthropicStreamErrorThenErrorEventAfterTheGivenEvents() {
            flakyScript("[{\"stream_error_after_chunks\": 2, \"error_type\": \"overloaded_error\"}]");

            SimHttp.Stream stream = http.stream(ANTHROPIC, request(PROMPT, 0, true));

            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.events())
                    .extracting(SimHttp.Event::name)
                    .containsExactly("message_start", "content_block_start", "error");
            JsonNode error = stream.events().getLast().json();
            assertThat(error.path("type").asString()).isEqualTo("error");
            assertThat(error.at("/error/type").asString()).isEqualTo("overloaded_error");
        }

        @Test
        void whenOpenAiStreamErrorThenErrorChunkAndNoDone() {
            flakyScript("[{\"stream_error_after_chunks\": 2}]");

            SimHttp.Stream stream = http.stream(OPENAI, request(PROMPT, 0, true));

            assertThat(stream.events()).hasSize(3);
            assertThat(stream.events().getLast().json().at("/error/type").asString())
                    .isEqualTo("server_error");
            assertThat(stream.events()).noneMatch(event -> event.data().equals("[DONE]"));
        }

        @Test
        void whenRequestIsNotStreamingThenTheErrorIsAnHttpStatus() {
            flakyScript("[{\"stream_error_after_chunks\": 2, \"error_type\": \"overloaded_error\"}]");

            HttpResponse<String> failed = http.post(ANTHROPIC, request(PROMPT, 0, false));

            assertThat(failed.statusCode()).isEqualTo(529);
            assertThat(json(failed).at("/error/type").asString()).isEqualTo("overloaded_error");
        }
    }

    @Nested
    class Delays {

        @Test
        void whenTurnHasDelayThenTheReplyWaitsForIt() {
            addScript("""
                    {"name": "slow", "turns": [{"text": "late", "delay_ms": 200, "chunk_delay_ms": 10}]}
                    """);
            long start = System.nanoTime();

            SimHttp.Stream stream = http.stream(ANTHROPIC, request("[sim:slow]", 0, true));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(joined(stream.events(), "/delta/text")).isEqualTo("late");
        }
    }
}
