package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.ToolCall;
import dev.navi.llm.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiRequestMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OpenAiRequestMapper mapper = new OpenAiRequestMapper(JSON);

    private static LlmRequest request(List<LlmMessage> messages, List<ToolDefinition> tools) {
        return new LlmRequest("gpt-x", "Be brief.", messages, tools, 500);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Nested
    class TopLevel {

        @Test
        void whenRequestHasSystemAndToolsThenSystemMessageAndFunctionTools() {
            ToolDefinition tool = new ToolDefinition("read_file", "Reads a file", "{\"type\":\"object\"}");

            JsonNode body = mapper.toBody(request(List.of(new LlmMessage.User("hi")), List.of(tool)), false);

            assertThat(body).isEqualTo(json("""
                            {"model":"gpt-x","max_tokens":500,
                             "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"hi"}],
                             "tools":[{"type":"function","function":{"name":"read_file","description":"Reads a file",
                                       "parameters":{"type":"object"}}}]}
                            """));
        }

        @Test
        void whenStreamingThenUsageIsRequested() {
            JsonNode body = mapper.toBody(request(List.of(new LlmMessage.User("hi")), List.of()), true);

            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        }

        @Test
        void whenNotStreamingThenNoStreamFields() {
            JsonNode body = mapper.toBody(request(List.of(new LlmMessage.User("hi")), List.of()), false);

            assertThat(body.has("stream")).isFalse();
            assertThat(body.has("stream_options")).isFalse();
            assertThat(body.has("tools")).isFalse();
        }

        @Test
        void whenToolHasNoSchemaThenParametersAreAnEmptyObjectSchema() {
            ToolDefinition tool = new ToolDefinition("now", "Current time", null);

            JsonNode body = mapper.toBody(request(List.of(new LlmMessage.User("hi")), List.of(tool)), false);

            assertThat(body.at("/tools/0/function/parameters"))
                    .isEqualTo(json("{\"type\":\"object\",\"properties\":{}}"));
        }
    }

    @Nested
    class Messages {

        @Test
        void whenAssistantCalledToolsThenToolCallsAndOneToolMessagePerResult() {
            List<LlmMessage> messages = List.of(
                    new LlmMessage.User("fix it"),
                    new LlmMessage.Assistant(
                            "",
                            List.of(
                                    new ToolCall("call_1", "read_file", "{\"path\":\"a\"}"),
                                    new ToolCall("call_2", "read_file", "{\"path\": oops"))),
                    new LlmMessage.ToolResults(List.of(
                            new LlmMessage.ToolResult("call_1", "A", false),
                            new LlmMessage.ToolResult("call_2", "invalid arguments", true))));

            JsonNode sent = mapper.toBody(request(messages, List.of()), false).path("messages");

            assertThat(sent).isEqualTo(json("""
                            [{"role":"system","content":"Be brief."},
                             {"role":"user","content":"fix it"},
                             {"role":"assistant","content":null,"tool_calls":[
                               {"id":"call_1","type":"function","function":{"name":"read_file","arguments":"{\\"path\\":\\"a\\"}"}},
                               {"id":"call_2","type":"function","function":{"name":"read_file","arguments":"{\\"path\\": oops"}}]},
                             {"role":"tool","tool_call_id":"call_1","content":"A"},
                             {"role":"tool","tool_call_id":"call_2","content":"invalid arguments"}]
                            """));
        }

        @Test
        void whenAssistantHasOnlyTextThenNoToolCallsField() {
            List<LlmMessage> messages = List.of(new LlmMessage.User("q"), new LlmMessage.Assistant("a", List.of()));

            JsonNode assistant =
                    mapper.toBody(request(messages, List.of()), false).at("/messages/2");

            assertThat(assistant).isEqualTo(json("{\"role\":\"assistant\",\"content\":\"a\"}"));
        }
    }
}
