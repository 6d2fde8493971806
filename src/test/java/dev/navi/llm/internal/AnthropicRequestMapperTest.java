package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.ToolCall;
import dev.navi.llm.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnthropicRequestMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AnthropicRequestMapper mapper = new AnthropicRequestMapper(JSON);

    private static LlmRequest request(List<LlmMessage> messages, List<ToolDefinition> tools) {
        return new LlmRequest("claude-x", "Be brief.", messages, tools, 1000);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Nested
    class TopLevel {

        @Test
        void whenRequestHasSystemToolsAndLimitThenTheyAreTopLevelFields() {
            ToolDefinition tool = new ToolDefinition("read_file", "Reads a file", "{\"type\":\"object\"}");

            JsonNode body = mapper.toBody(request(List.of(new LlmMessage.User("hi")), List.of(tool)), false);

            assertThat(body).isEqualTo(json("""
                            {"model":"claude-x","max_tokens":1000,"system":"Be brief.",
                             "messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],
                             "tools":[{"name":"read_file","description":"Reads a file",
                                       "input_schema":{"type":"object"}}]}
                            """));
        }

        @Test
        void whenStreamingThenStreamIsTrue() {
            JsonNode body = mapper.toBody(request(List.of(new LlmMessage.User("hi")), List.of()), true);

            assertThat(body.path("stream").asBoolean()).isTrue();
            assertThat(body.has("tools")).isFalse();
        }

        @Test
        void whenSystemIsBlankThenItIsOmitted() {
            LlmRequest request = new LlmRequest("m", " ", List.of(new LlmMessage.User("hi")), List.of(), 10);

            assertThat(mapper.toBody(request, false).has("system")).isFalse();
        }

        @Test
        void whenToolSchemaIsInvalidJsonThenInvalidRequest() {
            ToolDefinition tool = new ToolDefinition("broken", "d", "{not json");

            assertThatThrownBy(() -> mapper.toBody(request(List.of(new LlmMessage.User("hi")), List.of(tool)), false))
                    .isInstanceOfSatisfying(
                            LlmException.class,
                            failure -> assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.INVALID_REQUEST));
        }
    }

    @Nested
    class Messages {

        @Test
        void whenAssistantCalledToolsThenTextAndToolUseBlocksFollowedByToolResults() {
            List<LlmMessage> messages = List.of(
                    new LlmMessage.User("fix it"),
                    new LlmMessage.Assistant(
                            "Looking.", List.of(new ToolCall("toolu_1", "read_file", "{\"path\":\"a.txt\"}"))),
                    new LlmMessage.ToolResults(List.of(new LlmMessage.ToolResult("toolu_1", "content", false))));

            JsonNode body = mapper.toBody(request(messages, List.of()), false);

            assertThat(body.path("messages")).isEqualTo(json("""
                            [{"role":"user","content":[{"type":"text","text":"fix it"}]},
                             {"role":"assistant","content":[{"type":"text","text":"Looking."},
                               {"type":"tool_use","id":"toolu_1","name":"read_file","input":{"path":"a.txt"}}]},
                             {"role":"user","content":[
                               {"type":"tool_result","tool_use_id":"toolu_1","content":"content","is_error":false}]}]
                            """));
        }

        @Test
        void whenAssistantTextIsEmptyThenNoTextBlock() {
            List<LlmMessage> messages = List.of(
                    new LlmMessage.User("go"), new LlmMessage.Assistant("", List.of(new ToolCall("t1", "ls", "{}"))));

            JsonNode content = mapper.toBody(request(messages, List.of()), false)
                    .path("messages")
                    .path(1)
                    .path("content");

            assertThat(content).hasSize(1);
            assertThat(content.path(0).path("type").asString()).isEqualTo("tool_use");
        }

        @Test
        void whenArgumentsAreInvalidJsonThenInputIsAnEmptyObject() {
            List<LlmMessage> messages = List.of(
                    new LlmMessage.User("go"),
                    new LlmMessage.Assistant("", List.of(new ToolCall("t1", "ls", "{\"path\": oops"))));

            JsonNode input = mapper.toBody(request(messages, List.of()), false)
                    .path("messages")
                    .path(1)
                    .path("content")
                    .path(0)
                    .path("input");

            assertThat(input).isEqualTo(json("{}"));
        }

        @Test
        void whenArgumentsAreJsonButNotAnObjectThenInputIsAnEmptyObject() {
            List<LlmMessage> messages = List.of(
                    new LlmMessage.User("go"), new LlmMessage.Assistant("", List.of(new ToolCall("t1", "ls", "[1]"))));

            JsonNode input = mapper.toBody(request(messages, List.of()), false).at("/messages/1/content/0/input");

            assertThat(input).isEqualTo(json("{}"));
        }

        @Test
        void whenToolResultIsAnErrorThenIsErrorIsTrue() {
            List<LlmMessage> messages = List.of(
                    new LlmMessage.User("go"),
                    new LlmMessage.Assistant("", List.of(new ToolCall("t1", "ls", "{}"))),
                    new LlmMessage.ToolResults(List.of(new LlmMessage.ToolResult("t1", "no such dir", true))));

            JsonNode block = mapper.toBody(request(messages, List.of()), false).at("/messages/2/content/0");

            assertThat(block.path("is_error").asBoolean()).isTrue();
        }

        @Test
        void whenUserTextFollowsToolResultsThenBothShareOneUserMessage() {
            List<LlmMessage> messages = List.of(
                    new LlmMessage.User("go"),
                    new LlmMessage.Assistant("", List.of(new ToolCall("t1", "ls", "{}"))),
                    new LlmMessage.ToolResults(List.of(new LlmMessage.ToolResult("t1", "a b", false))),
                    new LlmMessage.User("also check c"));

            JsonNode sent = mapper.toBody(request(messages, List.of()), false).path("messages");

            assertThat(sent).hasSize(3);
            assertThat(sent.at("/2/content/0/type").asString()).isEqualTo("tool_result");
            assertThat(sent.at("/2/content/1/text").asString()).isEqualTo("also check c");
        }

        @Test
        void whenAssistantIsEntirelyEmptyThenItIsLeftOut() {
            List<LlmMessage> messages = List.of(
                    new LlmMessage.User("a"), new LlmMessage.Assistant("", List.of()), new LlmMessage.User("b"));

            JsonNode sent = mapper.toBody(request(messages, List.of()), false).path("messages");

            assertThat(sent).hasSize(1);
            assertThat(sent.at("/0/content")).hasSize(2);
        }
    }
}
