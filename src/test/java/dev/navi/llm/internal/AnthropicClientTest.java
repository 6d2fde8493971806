package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmResponse;
import dev.navi.llm.ToolCall;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicClientTest extends WireClientTestSupport {

    /** Long enough for headers and the first chunk to arrive from a local server. */
    private static final Duration STREAM_STARTED = Duration.ofMillis(300);

    @Override
    ProviderChoice.Protocol protocol() {
        return ProviderChoice.Protocol.ANTHROPIC;
    }

    @Override
    String baseUrl() {
        return sim.baseUrl();
    }

    @Nested
    class Replies {

        @ParameterizedTest(name = "stream={0}")
        @ValueSource(booleans = {true, false})
        void whenModelAnswersWithTextThenTextUsageCostAndTimings(boolean stream) throws InterruptedException {
            String name = script("""
                    {"text":"Hello there, this is a longer answer.","usage":{"input_tokens":1000,"output_tokens":2000}}""");

            LlmResponse response = client(stream).complete(ask(name));

            assertThat(response.text()).isEqualTo("Hello there, this is a longer answer.");
            assertThat(response.toolCalls()).isEmpty();
            assertThat(response.usage().inputTokens()).isEqualTo(1000);
            assertThat(response.usage().outputTokens()).isEqualTo(2000);
            assertThat(response.usage().costUsd()).isEqualByComparingTo("0.033");
            assertThat(response.providerStopReason()).isEqualTo("end_turn");
            assertThat(response.timeToFirstToken()).isPositive().isLessThanOrEqualTo(response.latency());
        }

        @ParameterizedTest(name = "stream={0}")
        @ValueSource(booleans = {true, false})
        void whenModelCallsToolsThenCallsWithIdsNamesAndArguments(boolean stream) throws InterruptedException {
            String name = script("""
                    {"text":"Reading.","tool_calls":[
                      {"name":"read_file","arguments":{"path":"README.md"}},
                      {"name":"list_dir","arguments":{"path":"src"}}]}""");

            LlmResponse response = client(stream).complete(ask(name));

            assertThat(response.text()).isEqualTo("Reading.");
            assertThat(response.toolCalls())
                    .extracting(ToolCall::name, ToolCall::argumentsJson)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("read_file", "{\"path\":\"README.md\"}"),
                            org.assertj.core.groups.Tuple.tuple("list_dir", "{\"path\":\"src\"}"));
            assertThat(response.toolCalls())
                    .allSatisfy(call -> assertThat(call.id()).startsWith("toolu_"));
            assertThat(response.providerStopReason()).isEqualTo("tool_use");
        }

        @ParameterizedTest(name = "stream={0}")
        @ValueSource(booleans = {true, false})
        void whenConversationContinuesAfterToolResultsThenNextTurnIsServed(boolean stream) throws InterruptedException {
            String name = scriptWithTurns(
                    "{\"tool_calls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"a\"}}]}",
                    "{\"text\":\"All done.\"}");
            WireClient client = client(stream);
            LlmResponse first = client.complete(ask(name));

            LlmResponse second = client.complete(ask(
                    name,
                    new LlmMessage.Assistant(first.text(), first.toolCalls()),
                    new LlmMessage.ToolResults(List.of(new LlmMessage.ToolResult(
                            first.toolCalls().getFirst().id(), "content of a", false)))));

            assertThat(second.text()).isEqualTo("All done.");
        }

        @Test
        void whenStreamedArgumentsAreInvalidJsonThenTheyArePassedOnVerbatim() throws InterruptedException {
            String name =
                    script("{\"tool_calls\":[{\"name\":\"read_file\",\"arguments_raw\":\"{\\\"path\\\": oops\"}]}");

            LlmResponse response = client(true).complete(ask(name));

            assertThat(response.toolCalls().getFirst().argumentsJson()).isEqualTo("{\"path\": oops");
        }
    }

    @Nested
    class HttpErrors {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "400, INVALID_REQUEST",
            "401, AUTH",
            "402, QUOTA_EXHAUSTED",
            "403, PERMISSION",
            "404, NOT_FOUND",
            "413, INVALID_REQUEST",
            "422, INVALID_REQUEST",
            "429, RATE_LIMITED",
            "500, SERVER_ERROR",
            "502, SERVER_ERROR",
            "503, OVERLOADED",
            "504, SERVER_ERROR",
            "529, OVERLOADED"
        })
        void whenProviderAnswersWithStatusThenClassifiedWithVendorMessage(int status, LlmErrorClass expected) {
            String name = script("{\"text\":\"never\",\"faults\":[{\"status\":%d}]}".formatted(status));

            LlmException failure = failure(() -> client(true).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(expected);
            assertThat(failure.httpStatus()).isEqualTo(status);
            assertThat(failure.getMessage()).isNotBlank().doesNotContain("test-key");
        }

        @Test
        void whenRateLimitedWithRetryAfterThenRetryAfterIsSet() {
            String name = script("{\"faults\":[{\"status\":429,\"headers\":{\"retry-after\":\"7\"}}],\"text\":\"x\"}");

            LlmException failure = failure(() -> client(false).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.RATE_LIMITED);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        }

        @Test
        void whenRateLimitedWithResetHeaderThenRetryAfterIsTheTimeUntilReset() {
            Instant reset = Instant.now().plusSeconds(30);
            String name = script("""
                    {"faults":[{"status":429,"headers":{"anthropic-ratelimit-requests-reset":"%s"}}],"text":"x"}""".formatted(reset));

            LlmException failure = failure(() -> client(true).complete(ask(name)));

            assertThat(failure.retryAfter())
                    .hasValueSatisfying(
                            wait -> assertThat(wait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30)));
        }

        @Test
        void whenFaultIsServedOnceThenTheNextAttemptSucceeds() throws InterruptedException {
            String name = script("{\"text\":\"recovered\",\"faults\":[{\"status\":529,\"times\":1}]}");
            WireClient client = client(true);

            LlmException failure = failure(() -> client.complete(ask(name)));
            LlmResponse retried = client.complete(ask(name));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.OVERLOADED);
            assertThat(retried.text()).isEqualTo("recovered");
        }

        @Test
        void whenNothingListensThenNetwork() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            WireClient client = client(true, "http://127.0.0.1:" + closedPort, FIRST_BYTE_TIMEOUT, IDLE_TIMEOUT);

            LlmException failure = failure(() -> client.complete(ask("any")));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.NETWORK);
            assertThat(failure.httpStatus()).isZero();
        }
    }

    @Nested
    class StreamFaults {

        @Test
        void whenOverloadedErrorArrivesMidStreamThenOverloaded() {
            String name = script("""
                    {"text":"partial answer that is cut","faults":[{"stream_error_after_chunks":3,"error_type":"overloaded_error"}]}""");

            LlmException failure = failure(() -> client(true).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.OVERLOADED);
            assertThat(failure.httpStatus()).isEqualTo(200);
            assertThat(failure.getMessage()).isEqualTo("Overloaded");
        }

        @Test
        void whenStreamIsCutBeforeMessageStopThenStreamInterrupted() {
            String name = script("{\"text\":\"a reply that will be cut\",\"faults\":[{\"cut_after_chunks\":3}]}");

            LlmException failure = failure(() -> client(true).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.STREAM_INTERRUPTED);
        }

        @Test
        void whenDocumentIsCutThenStreamInterrupted() {
            String name = script("{\"text\":\"a reply that will be cut\",\"faults\":[{\"cut_after_chunks\":0}]}");

            LlmException failure = failure(() -> client(false).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.STREAM_INTERRUPTED);
        }

        @ParameterizedTest(name = "stream={0}")
        @ValueSource(booleans = {true, false})
        void whenProviderSendsNothingThenTimeoutAfterFirstByteTimeout(boolean stream) {
            String name = script("{\"text\":\"late\",\"faults\":[{\"hang_ms\":10000}]}");
            WireClient client = client(stream, baseUrl(), Duration.ofMillis(300), IDLE_TIMEOUT);
            long start = System.nanoTime();

            LlmException failure = failure(() -> client.complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.TIMEOUT);
            assertThat(failure.getMessage()).contains("first-byte timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }

        @Test
        void whenStreamFallsSilentThenTimeoutAfterIdleTimeout() {
            String name =
                    script("{\"text\":\"one two three four five six\",\"chunk_chars\":4,\"chunk_delay_ms\":5000}");
            WireClient client = client(true, baseUrl(), FIRST_BYTE_TIMEOUT, Duration.ofMillis(300));
            long start = System.nanoTime();

            LlmException failure = failure(() -> client.complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.TIMEOUT);
            assertThat(failure.getMessage()).contains("idle timeout");
            assertThat(failure.httpStatus()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Nested
    class Interruption {

        @Test
        void whenInterruptedWhileWaitingForResponseThenInterruptedExceptionPromptly() {
            String name = script("{\"text\":\"late\",\"faults\":[{\"hang_ms\":10000}]}");

            assertThat(CallInterrupter.interruptWhileBlocked(
                            Duration.ZERO, () -> client(true).complete(ask(name))))
                    .isLessThan(Duration.ofSeconds(2)); // the reply would take 5 s or more
        }

        @Test
        void whenInterruptedWhileStreamingThenInterruptedExceptionPromptly() {
            String name =
                    script("{\"text\":\"one two three four five six\",\"chunk_chars\":4,\"chunk_delay_ms\":5000}");

            assertThat(CallInterrupter.interruptWhileBlocked(
                            STREAM_STARTED, () -> client(true).complete(ask(name))))
                    .isLessThan(Duration.ofSeconds(2)); // the reply would take 5 s or more
        }
    }
}
