package dev.navi.llm.internal;

import dev.navi.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles an OpenAI Chat Completions reply from its stream ({@code delta.content}, {@code
 * delta.tool_calls[index]} fragments, the usage chunk, {@code [DONE]}) and parses a non-streamed reply.
 */
final class OpenAiStreamAssembler implements StreamAssembler {

    private static final String DONE = "[DONE]";

    private final JsonMapper json;
    private final StringBuilder text = new StringBuilder();
    private final SortedMap<Integer, ToolCallDraft> toolCalls = new TreeMap<>();
    private long inputTokens;
    private long outputTokens;
    private String finishReason = "";
    private boolean done;

    OpenAiStreamAssembler(JsonMapper json) {
        this.json = json;
    }

    static ParsedReply parseReply(JsonNode reply) {
        JsonNode choice = reply.path("choices").path(0);
        JsonNode message = choice.path("message");
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            calls.add(new ToolCall(
                    text(call, "id", "call_" + calls.size()),
                    text(function, "name", ""),
                    text(function, "arguments", "{}")));
        }
        JsonNode usage = reply.path("usage");
        return new ParsedReply(
                text(message, "content", ""),
                calls,
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0),
                text(choice, "finish_reason", ""));
    }

    @Override
    public Optional<VendorError> accept(SseEvent event) {
        if (event.data().strip().equals(DONE)) {
            done = true;
            return Optional.empty();
        }
        JsonNode chunk = json.readTree(event.data());
        if (chunk.has("error")) {
            return Optional.of(VendorError.of(chunk));
        }
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
            inputTokens = usage.path("prompt_tokens").asLong(inputTokens);
            outputTokens = usage.path("completion_tokens").asLong(outputTokens);
        }
        for (JsonNode choice : chunk.path("choices")) {
            addDelta(choice.path("delta"));
            finishReason = text(choice, "finish_reason", finishReason);
        }
        return Optional.empty();
    }

    private void addDelta(JsonNode delta) {
        text.append(text(delta, "content", ""));
        int position = 0;
        for (JsonNode call : delta.path("tool_calls")) {
            int index = call.path("index").asInt(position++);
            JsonNode function = call.path("function");
            ToolCallDraft draft = toolCalls.computeIfAbsent(index, ignored -> new ToolCallDraft("", ""));
            draft.fillId(text(call, "id", ""));
            draft.fillName(text(function, "name", ""));
            draft.appendArguments(text(function, "arguments", ""));
        }
    }

    @Override
    public boolean hasContent() {
        return !text.isEmpty() || !toolCalls.isEmpty();
    }

    @Override
    public boolean finished() {
        return done;
    }

    @Override
    public boolean complete() {
        return done || !finishReason.isEmpty();
    }

    @Override
    public ParsedReply reply() {
        List<ToolCall> calls = toolCalls.entrySet().stream()
                .map(entry -> entry.getValue().toToolCall("call_" + entry.getKey()))
                .toList();
        return new ParsedReply(text.toString(), calls, inputTokens, outputTokens, finishReason);
    }

    /** The field's text, or {@code fallback} when it is absent or null. */
    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : fallback;
    }
}
