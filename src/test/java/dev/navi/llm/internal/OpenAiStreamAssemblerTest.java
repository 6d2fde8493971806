package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.ToolCall;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenAiStreamAssemblerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenAiStreamAssembler assembler = new OpenAiStreamAssembler(JSON);

    private Optional<VendorError> send(String data) {
        return assembler.accept(new SseEvent("message", data));
    }

    @Nested
    class Streaming {

        @Test
        void whenTextToolCallsAndUsageArriveInPiecesThenTheyAreAssembled() {
            send("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
            send("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"On it\"}}]}");
            send("""
                    {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function",
                     "function":{"name":"read_file","arguments":""}}]}}]}""");
            send("""
                    {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"pa"}}]}}]}""");
            send("""
                    {"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function",
                     "function":{"name":"ls","arguments":"{}"}}]}}]}""");
            send("""
                    {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"th\\":1}"}}]}}]}""");
            send("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
            assertThat(assembler.complete()).isTrue();
            assertThat(assembler.finished()).isFalse();
            send("{\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":7,\"total_tokens\":27}}");
            send("[DONE]");

            ParsedReply reply = assembler.reply();

            assertThat(assembler.finished()).isTrue();
            assertThat(reply.text()).isEqualTo("On it");
            assertThat(reply.toolCalls())
                    .containsExactly(
                            new ToolCall("call_a", "read_file", "{\"path\":1}"), new ToolCall("call_b", "ls", "{}"));
            assertThat(reply.inputTokens()).isEqualTo(20);
            assertThat(reply.outputTokens()).isEqualTo(7);
            assertThat(reply.stopReason()).isEqualTo("tool_calls");
        }

        @Test
        void whenNeitherFinishReasonNorDoneArrivedThenNotComplete() {
            send("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"}}]}");

            assertThat(assembler.hasContent()).isTrue();
            assertThat(assembler.complete()).isFalse();
        }

        @Test
        void whenToolCallHasNoIdThenOneIsMadeUp() {
            send("""
                    {"choices":[{"delta":{"tool_calls":[{"index":3,"function":{"name":"ls","arguments":"{}"}}]}}]}""");

            assertThat(assembler.reply().toolCalls()).containsExactly(new ToolCall("call_3", "ls", "{}"));
        }

        @Test
        void whenErrorChunkThenItIsReturned() {
            Optional<VendorError> error =
                    send("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"code\":null}}");

            assertThat(error).contains(new VendorError("server_error", "", "overloaded"));
        }
    }

    @Nested
    class Document {

        @Test
        void whenReplyHasToolCallsThenArgumentsAreKeptAsSent() {
            ParsedReply reply = OpenAiStreamAssembler.parseReply(JSON.readTree("""
                    {"choices":[{"index":0,"message":{"role":"assistant","content":null,
                      "tool_calls":[{"id":"call_1","type":"function","function":{"name":"ls","arguments":"{bad"}}]},
                      "finish_reason":"tool_calls"}],
                     "usage":{"prompt_tokens":11,"completion_tokens":3}}
                    """));

            assertThat(reply)
                    .isEqualTo(new ParsedReply("", List.of(new ToolCall("call_1", "ls", "{bad")), 11, 3, "tool_calls"));
        }

        @Test
        void whenReplyHasTextThenTextAndStopReason() {
            ParsedReply reply = OpenAiStreamAssembler.parseReply(JSON.readTree("""
                    {"choices":[{"message":{"role":"assistant","content":"Done."},"finish_reason":"stop"}]}
                    """));

            assertThat(reply).isEqualTo(new ParsedReply("Done.", List.of(), 0, 0, "stop"));
        }
    }
}
