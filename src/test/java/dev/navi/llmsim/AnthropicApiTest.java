package dev.navi.llmsim;

import static dev.navi.llmsim.SimHttp.ANTHROPIC;
import static dev.navi.llmsim.SimHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnthropicApiTest extends SimTestSupport {

    @Nested
    class NonStreaming {

        @Test
        void whenTextTurnThenMessageWithTextBlockEndTurnAndEchoedModel() {
            JsonNode message = http.postJson(ANTHROPIC, request("Say hello", 0, false));

            assertThat(message.path("type").asString()).isEqualTo("message");
            assertThat(message.path("role").asString()).isEqualTo("assistant");
            assertThat(message.path("id").asString()).startsWith("msg_");
            assertThat(message.path("model").asString()).isEqualTo("test-model");
            assertThat(message.at("/content/0/type").asString()).isEqualTo("text");
            assertThat(message.at("/content/0/text").asString()).isEqualTo("Hello from the default script.");
            assertThat(message.path("stop_reason").asString()).isEqualTo("end_turn");
            assertThat(message.at("/usage/input_tokens").asInt()).isPositive();
            assertThat(message.at("/usage/output_tokens").asInt())
                    .isEqualTo("Hello from the default script.".length() / 4);
        }

        @Test
        void whenToolTurnThenToolUseBlocksWithInputObjectsAndToolUseStop() {
            JsonNode message = http.postJson(ANTHROPIC, request("[sim:tools] read it", 0, false));

            assertThat(message.at("/content/0/text").asString()).isEqualTo("Reading.");
            JsonNode toolUse = message.at("/content/1");
            assertThat(toolUse.path("type").asString()).isEqualTo("tool_use");
            assertThat(toolUse.path("id").asString()).startsWith("toolu_");
            assertThat(toolUse.path("name").asString()).isEqualTo("read_file");
            assertThat(toolUse.at("/input/path").asString()).isEqualTo("README.md");
            assertThat(message.at("/content/2/name").asString()).isEqualTo("list_dir");
            assertThat(message.at("/content/2/id").asString())
                    .isNotEqualTo(toolUse.path("id").asString());
            assertThat(message.path("stop_reason").asString()).isEqualTo("tool_use");
        }

        @Test
        void whenTurnHasUsageThenItIsReported() {
            JsonNode message = http.postJson(ANTHROPIC, request("[sim:tools] read it", 1, false));

            assertThat(message.at("/usage/input_tokens").asInt()).isEqualTo(1200);
            assertThat(message.at("/usage/output_tokens").asInt()).isEqualTo(40);
        }
    }

    @Nested
    class Streaming {

        @Test
        void whenTextTurnThenDocumentedEventSequenceCarriesTheTextInSeveralDeltas() {
            SimHttp.Stream stream = http.stream(ANTHROPIC, request("Say hello", 0, true));

            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).isEqualTo("text/event-stream");
            assertThat(stream.broken()).isFalse();
            List<String> names =
                    stream.events().stream().map(SimHttp.Event::name).distinct().toList();
            assertThat(names)
                    .containsExactly(
                            "message_start",
                            "content_block_start",
                            "ping",
                            "content_block_delta",
                            "content_block_stop",
                            "message_delta",
                            "message_stop");
            assertThat(stream.events())
                    .allSatisfy(event ->
                            assertThat(event.json().path("type").asString()).isEqualTo(event.name()));
            assertThat(stream.events().stream().filter(e -> e.name().equals("content_block_delta")))
                    .hasSizeGreaterThan(2);
            assertThat(joined(stream.events(), "/delta/text")).isEqualTo("Hello from the default script.");
            JsonNode start = stream.events().getFirst().json();
            assertThat(start.at("/message/model").asString()).isEqualTo("test-model");
            JsonNode messageDelta =
                    stream.events().get(stream.events().size() - 2).json();
            assertThat(messageDelta.at("/delta/stop_reason").asString()).isEqualTo("end_turn");
            assertThat(messageDelta.at("/usage/output_tokens").asInt()).isPositive();
        }

        @Test
        void whenToolTurnThenToolUseBlocksStreamTheirInputAsJsonDeltas() {
            SimHttp.Stream stream = http.stream(ANTHROPIC, request("[sim:tools] read it", 0, true));

            List<JsonNode> blockStarts = stream.events().stream()
                    .filter(event -> event.name().equals("content_block_start"))
                    .map(event -> event.json().path("content_block"))
                    .toList();
            assertThat(blockStarts)
                    .extracting(block -> block.path("type").asString())
                    .containsExactly("text", "tool_use", "tool_use");
            assertThat(blockStarts.get(1).path("id").asString()).startsWith("toolu_");
            assertThat(blockStarts.get(1).path("name").asString()).isEqualTo("read_file");
            List<SimHttp.Event> firstToolDeltas = stream.events().stream()
                    .filter(event -> event.name().equals("content_block_delta"))
                    .filter(event -> event.json().path("index").asInt() == 1)
                    .toList();
            assertThat(firstToolDeltas).hasSizeGreaterThan(1);
            assertThat(SimHttp.JSON
                            .readTree(joined(firstToolDeltas, "/delta/partial_json"))
                            .path("path")
                            .asString())
                    .isEqualTo("README.md");
            JsonNode messageDelta =
                    stream.events().get(stream.events().size() - 2).json();
            assertThat(messageDelta.at("/delta/stop_reason").asString()).isEqualTo("tool_use");
        }

        @Test
        void whenArgumentsAreRawThenTheyAreStreamedVerbatim() {
            addScript("""
                    {"name": "raw", "turns": [{"tool_calls": [{"name": "write_file", "arguments_raw": "{\\"path\\": \\"a.txt"}]}]}
                    """);

            SimHttp.Stream stream = http.stream(ANTHROPIC, request("[sim:raw]", 0, true));

            assertThat(joined(stream.events(), "/delta/partial_json")).isEqualTo("{\"path\": \"a.txt");
        }
    }
}
