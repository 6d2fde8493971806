package dev.navi.llmsim;

import static dev.navi.llmsim.SimHttp.OPENAI;
import static dev.navi.llmsim.SimHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OpenAiApiTest extends SimTestSupport {

    @Nested
    class NonStreaming {

        @Test
        void whenTextTurnThenChatCompletionWithStopAndUsage() {
            JsonNode completion = http.postJson(OPENAI, request("Say hello", 0, false));

            assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
            assertThat(completion.path("id").asString()).startsWith("chatcmpl-");
            assertThat(completion.path("model").asString()).isEqualTo("test-model");
            assertThat(completion.at("/choices/0/message/role").asString()).isEqualTo("assistant");
            assertThat(completion.at("/choices/0/message/content").asString())
                    .isEqualTo("Hello from the default script.");
            assertThat(completion.at("/choices/0/message").has("tool_calls")).isFalse();
            assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
            JsonNode usage = completion.path("usage");
            assertThat(usage.path("total_tokens").asInt())
                    .isEqualTo(usage.path("prompt_tokens").asInt()
                            + usage.path("completion_tokens").asInt());
        }

        @Test
        void whenToolTurnThenToolCallsCarryArgumentsAsJsonString() {
            JsonNode completion = http.postJson(OPENAI, request("[sim:tools] read it", 0, false));

            JsonNode call = completion.at("/choices/0/message/tool_calls/0");
            assertThat(call.path("id").asString()).startsWith("call_");
            assertThat(call.path("type").asString()).isEqualTo("function");
            assertThat(call.at("/function/name").asString()).isEqualTo("read_file");
            assertThat(call.at("/function/arguments").isString()).isTrue();
            assertThat(SimHttp.JSON
                            .readTree(call.at("/function/arguments").asString())
                            .path("path")
                            .asString())
                    .isEqualTo("README.md");
            assertThat(completion
                            .at("/choices/0/message/tool_calls/1/function/name")
                            .asString())
                    .isEqualTo("list_dir");
            assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
        }

        @Test
        void whenTurnHasUsageThenItIsReportedInOpenAiNames() {
            JsonNode usage = http.postJson(OPENAI, request("[sim:tools] read it", 1, false))
                    .path("usage");

            assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(1200);
            assertThat(usage.path("completion_tokens").asInt()).isEqualTo(40);
            assertThat(usage.path("total_tokens").asInt()).isEqualTo(1240);
        }
    }

    @Nested
    class Streaming {

        @Test
        void whenTextTurnThenContentArrivesInSeveralChunksThenStopThenDone() {
            SimHttp.Stream stream = http.stream(OPENAI, request("Say hello", 0, true));

            assertThat(stream.contentType()).isEqualTo("text/event-stream");
            assertThat(stream.broken()).isFalse();
            List<SimHttp.Event> events = stream.events();
            assertThat(events.getLast().data()).isEqualTo("[DONE]");
            List<SimHttp.Event> chunks = events.subList(0, events.size() - 1);
            assertThat(chunks).allSatisfy(chunk -> {
                assertThat(chunk.json().path("object").asString()).isEqualTo("chat.completion.chunk");
                assertThat(chunk.json().path("model").asString()).isEqualTo("test-model");
            });
            assertThat(chunks).hasSizeGreaterThan(3);
            assertThat(joined(chunks, "/choices/0/delta/content")).isEqualTo("Hello from the default script.");
            assertThat(chunks.getLast().json().at("/choices/0/finish_reason").asString())
                    .isEqualTo("stop");
        }

        @Test
        void whenToolTurnThenToolCallDeltasAssembleToTheArguments() {
            SimHttp.Stream stream = http.stream(OPENAI, request("[sim:tools] read it", 0, true));

            List<JsonNode> toolDeltas = stream.events().stream()
                    .filter(event -> !event.data().equals("[DONE]"))
                    .map(event -> event.json().at("/choices/0/delta/tool_calls/0"))
                    .filter(JsonNode::isObject)
                    .toList();
            JsonNode first = toolDeltas.getFirst();
            assertThat(first.path("index").asInt()).isZero();
            assertThat(first.path("id").asString()).startsWith("call_");
            assertThat(first.path("type").asString()).isEqualTo("function");
            assertThat(first.at("/function/name").asString()).isEqualTo("read_file");
            String firstArguments = toolDeltas.stream()
                    .filter(delta -> delta.path("index").asInt() == 0)
                    .map(delta -> delta.at("/function/arguments").asString())
                    .reduce("", String::concat);
            assertThat(SimHttp.JSON.readTree(firstArguments).path("path").asString())
                    .isEqualTo("README.md");
            assertThat(toolDeltas.stream().filter(delta -> delta.path("index").asInt() == 0))
                    .hasSizeGreaterThan(2);
            List<SimHttp.Event> events = stream.events();
            assertThat(events.get(events.size() - 2)
                            .json()
                            .at("/choices/0/finish_reason")
                            .asString())
                    .isEqualTo("tool_calls");
        }

        @Test
        void whenUsageIsRequestedThenLastChunkHasEmptyChoicesAndUsage() {
            ObjectNode request = request("[sim:tools] read it", 1, true);
            request.putObject("stream_options").put("include_usage", true);

            List<SimHttp.Event> events = http.stream(OPENAI, request).events();

            JsonNode usageChunk = events.get(events.size() - 2).json();
            assertThat(usageChunk.path("choices").isEmpty()).isTrue();
            assertThat(usageChunk.at("/usage/prompt_tokens").asInt()).isEqualTo(1200);
            assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isEqualTo(40);
            assertThat(usageChunk.at("/usage/total_tokens").asInt()).isEqualTo(1240);
            assertThat(events.getFirst().json().has("usage")).isTrue();
            assertThat(events.getFirst().json().path("usage").isNull()).isTrue();
        }

        @Test
        void whenUsageIsNotRequestedThenNoUsageChunk() {
            List<SimHttp.Event> events =
                    http.stream(OPENAI, request("Say hello", 0, true)).events();

            assertThat(events.get(events.size() - 2).json().path("choices").size())
                    .isEqualTo(1);
            assertThat(events.get(events.size() - 2).json().has("usage")).isFalse();
        }
    }
}
