package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmResponse;
import dev.navi.llm.ToolCall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiClientTest extends WireClientTestSupport {

    /** Long enough for headers and the first chunk to arrive from a local server. */
    private static final Duration STREAM_STARTED = Duration.ofMillis(300);

    @Override
    ProviderChoice.Protocol protocol() {
        return ProviderChoice.Protocol.OPENAI;
    }

    @Override
    String baseUrl() {
        return sim.baseUrl() + "/v1";
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
            assertThat(response.providerStopReason()).isEqualTo("stop");
            assertThat(response.timeToFirstToken()).isPositive().isLessThanOrEqualTo(response.latency());
        }

        @ParameterizedTest(name = "stream={0}")
        @ValueSource(booleans = {true, false})
        void whenModelCallsToolsThenCallsWithIdsNamesAndArguments(boolean stream) throws InterruptedException {
            String name = script("""
                    {"tool_calls":[
                      {"name":"read_file","arguments":{"path":"README.md"}},
                      {"name":"list_dir","arguments":{"path":"src"}}]}""");

            LlmResponse response = client(stream).complete(ask(name));

            assertThat(response.toolCalls())
                    .extracting(ToolCall::name, ToolCall::argumentsJson)
                    .containsExactly(
                            tuple("read_file", "{\"path\":\"README.md\"}"), tuple("list_dir", "{\"path\":\"src\"}"));
            assertThat(response.toolCalls())
                    .allSatisfy(call -> assertThat(call.id()).startsWith("call_"));
            assertThat(response.providerStopReason()).isEqualTo("tool_calls");
        }

        @ParameterizedTest(name = "stream={0}")
        @ValueSource(booleans = {true, false})
        void whenArgumentsAreInvalidJsonThenTheyArePassedOnVerbatim(boolean stream) throws InterruptedException {
            String name =
                    script("{\"tool_calls\":[{\"name\":\"read_file\",\"arguments_raw\":\"{\\\"path\\\": oops\"}]}");

            LlmResponse response = client(stream).complete(ask(name));

            assertThat(response.toolCalls().getFirst().argumentsJson()).isEqualTo("{\"path\": oops");
        }

        @Test
        void whenConversationContinuesAfterToolResultsThenNextTurnIsServed() throws InterruptedException {
            String name = scriptWithTurns(
                    "{\"tool_calls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"a\"}}]}",
                    "{\"text\":\"All done.\"}");
            WireClient client = client(true);
            LlmResponse first = client.complete(ask(name));

            LlmResponse second = client.complete(ask(
                    name,
                    new LlmMessage.Assistant(first.text(), first.toolCalls()),
                    new LlmMessage.ToolResults(List.of(new LlmMessage.ToolResult(
                            first.toolCalls().getFirst().id(), "content of a", false)))));

            assertThat(second.text()).isEqualTo("All done.");
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
            "504, SERVER_ERROR"
        })
        void whenProviderAnswersWithStatusThenClassifiedWithVendorMessage(int status, LlmErrorClass expected) {
            String name = script("{\"text\":\"never\",\"faults\":[{\"status\":%d}]}".formatted(status));

            LlmException failure = failure(() -> client(false).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(expected);
            assertThat(failure.httpStatus()).isEqualTo(status);
            assertThat(failure.getMessage()).isNotBlank().doesNotContain("test-key");
        }

        @ParameterizedTest(name = "stream={0}")
        @ValueSource(booleans = {true, false})
        void whenQuotaIsExhaustedThen429IsNotRateLimited(boolean stream) {
            String name =
                    script("{\"text\":\"x\",\"faults\":[{\"status\":429,\"error_type\":\"insufficient_quota\"}]}");

            LlmException failure = failure(() -> client(stream).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.QUOTA_EXHAUSTED);
            assertThat(failure.getMessage()).contains("quota");
        }

        @Test
        void whenRateLimitedWithResetHeaderThenRetryAfterIsItsDuration() {
            String name = script("""
                    {"text":"x","faults":[{"status":429,"headers":{"x-ratelimit-reset-requests":"6m0s"}}]}""");

            LlmException failure = failure(() -> client(true).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.RATE_LIMITED);
            assertThat(failure.retryAfter()).contains(Duration.ofMinutes(6));
        }

        @Test
        void whenServerNeedsNoKeyThenCallsWorkWithoutOne() throws InterruptedException {
            String name = script("{\"text\":\"no key needed\"}");
            LlmProperties properties = ProviderResolverTest.properties("openai", MODEL, baseUrl(), "", "");
            ProviderChoice.Configured provider = (ProviderChoice.Configured) ProviderResolver.resolve(properties);

            LlmResponse response = WireClients.create(
                            provider,
                            properties,
                            new PriceTable(properties.prices()),
                            watchdog,
                            java.time.Clock.systemUTC())
                    .complete(ask(name));

            assertThat(response.text()).isEqualTo("no key needed");
        }
    }

    @Nested
    class StreamFaults {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"server_error, SERVER_ERROR", "rate_limit_exceeded, RATE_LIMITED"})
        void whenErrorChunkArrivesMidStreamThenClassifiedByItsType(String type, LlmErrorClass expected) {
            String name = script("""
                    {"text":"partial answer that is cut","faults":[{"stream_error_after_chunks":2,"error_type":"%s"}]}""".formatted(type));

            LlmException failure = failure(() -> client(true).complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(expected);
            assertThat(failure.httpStatus()).isEqualTo(200);
        }

        @Test
        void whenStreamIsCutBeforeFinishReasonThenStreamInterrupted() {
            String name = script("{\"text\":\"a reply that will be cut\",\"faults\":[{\"cut_after_chunks\":2}]}");

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

            LlmException failure = failure(() -> client.complete(ask(name)));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.TIMEOUT);
            assertThat(failure.getMessage()).contains("idle timeout");
        }
    }

    @Nested
    class Interruption {

        @Test
        void whenInterruptedWhileWaitingForResponseThenInterruptedExceptionPromptly() {
            String name = script("{\"text\":\"late\",\"faults\":[{\"hang_ms\":10000}]}");

            assertThat(CallInterrupter.interruptWhileBlocked(
                            Duration.ZERO, () -> client(false).complete(ask(name))))
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
