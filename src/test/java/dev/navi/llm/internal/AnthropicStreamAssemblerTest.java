package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.ToolCall;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class AnthropicStreamAssemblerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AnthropicStreamAssembler assembler = new AnthropicStreamAssembler(JSON);

    private Optional<VendorError> send(String event, String data) {
        return assembler.accept(new SseEvent(event, data));
    }

    private void sendStart() {
        send("message_start", """
                {"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":12,"output_tokens":1}}}""");
    }

    @Nested
    class Streaming {

        @Test
        void whenTextAndToolUseArriveInPiecesThenTheyAreAssembled() {
            sendStart();
            send("content_block_start", """
                    {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
            send("ping", "{\"type\":\"ping\"}");
            send("content_block_delta", """
                    {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me "}}""");
            send("content_block_delta", """
                    {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"look."}}""");
            send("content_block_start", """
                    {"type":"content_block_start","index":1,
                     "content_block":{"type":"tool_use","id":"toolu_9","name":"read_file","input":{}}}""");
            send("content_block_delta", """
                    {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}""");
            send("content_block_delta", """
                    {"type":"content_block_delta","index":1,
                     "delta":{"type":"input_json_delta","partial_json":"{\\"path\\": \\"a"}}""");
            send("content_block_delta", """
                    {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":".txt\\"}"}}""");
            send("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}");
            send("message_delta", """
                    {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":40}}""");
            assertThat(assembler.complete()).isFalse();
            send("message_stop", "{\"type\":\"message_stop\"}");

            ParsedReply reply = assembler.reply();

            assertThat(assembler.finished()).isTrue();
            assertThat(assembler.complete()).isTrue();
            assertThat(reply.text()).isEqualTo("Let me look.");
            assertThat(reply.toolCalls())
                    .containsExactly(new ToolCall("toolu_9", "read_file", "{\"path\": \"a.txt\"}"));
            assertThat(reply.inputTokens()).isEqualTo(12);
            assertThat(reply.outputTokens()).isEqualTo(40);
            assertThat(reply.stopReason()).isEqualTo("tool_use");
        }

        @Test
        void whenToolUseHasNoArgumentFragmentsThenArgumentsAreAnEmptyObject() {
            sendStart();
            send("content_block_start", """
                    {"type":"content_block_start","index":0,
                     "content_block":{"type":"tool_use","id":"toolu_1","name":"now","input":{}}}""");

            assertThat(assembler.reply().toolCalls()).containsExactly(new ToolCall("toolu_1", "now", "{}"));
        }

        @Test
        void whenNothingButStartArrivedThenNoContentAndNotComplete() {
            sendStart();

            assertThat(assembler.hasContent()).isFalse();
            assertThat(assembler.complete()).isFalse();
        }

        @Test
        void whenCacheTokensAreReportedThenTheyCountAsInput() {
            send("message_start", """
                    {"type":"message_start","message":{"usage":{"input_tokens":5,
                     "cache_creation_input_tokens":100,"cache_read_input_tokens":1000,"output_tokens":1}}}""");

            assertThat(assembler.reply().inputTokens()).isEqualTo(1105);
        }

        @Test
        void whenErrorEventThenItIsReturned() {
            sendStart();

            Optional<VendorError> error = send("error", """
                    {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");

            assertThat(error).contains(new VendorError("overloaded_error", "", "Overloaded"));
        }

        @Test
        void whenDataIsNotJsonThenJacksonFails() {
            assertThatThrownBy(() -> send("content_block_delta", "{broken")).isInstanceOf(JacksonException.class);
        }
    }

    @Nested
    class Document {

        @Test
        void whenReplyHasTextAndToolUseThenBothAreParsed() {
            ParsedReply reply = AnthropicStreamAssembler.parseReply(JSON.readTree("""
                    {"id":"msg_1","type":"message","role":"assistant",
                     "content":[{"type":"text","text":"Reading."},
                                {"type":"tool_use","id":"toolu_1","name":"read_file","input":{"path":"a"}}],
                     "stop_reason":"tool_use","usage":{"input_tokens":30,"output_tokens":9}}
                    """));

            assertThat(reply)
                    .isEqualTo(new ParsedReply(
                            "Reading.",
                            java.util.List.of(new ToolCall("toolu_1", "read_file", "{\"path\":\"a\"}")),
                            30,
                            9,
                            "tool_use"));
        }

        @Test
        void whenStopReasonIsNullThenEmpty() {
            ParsedReply reply = AnthropicStreamAssembler.parseReply(
                    JSON.readTree("{\"content\":[],\"stop_reason\":null,\"usage\":{}}"));

            assertThat(reply.stopReason()).isEmpty();
        }
    }
}
