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
 * Assembles an Anthropic Messages reply from its stream (text deltas, {@code input_json_delta}
 * fragments per content block index, usage in {@code message_start} and {@code message_delta}) and
 * parses a non-streamed reply.
 */
final class AnthropicStreamAssembler implements StreamAssembler {

    private final JsonMapper json;
    private final StringBuilder text = new StringBuilder();
    private final SortedMap<Integer, ToolCallDraft> toolCalls = new TreeMap<>();
    private long inputTokens;
    private long outputTokens;
    private String stopReason = "";
    private boolean stopped;

    AnthropicStreamAssembler(JsonMapper json) {
        this.json = json;
    }

    static ParsedReply parseReply(JsonNode reply) {
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : reply.path("content")) {
            switch (block.path("type").asString()) {
                case "text" -> text.append(block.path("text").asString());
                case "tool_use" ->
                    calls.add(new ToolCall(
                            block.path("id").asString(),
                            block.path("name").asString(),
                            block.path("input").isMissingNode()
                                    ? "{}"
                                    : block.path("input").toString()));
                default -> {
                    // thinking and other block types are not part of NAVI's reply
                }
            }
        }
        JsonNode usage = reply.path("usage");
        return new ParsedReply(
                text.toString(),
                calls,
                inputTokens(usage),
                usage.path("output_tokens").asLong(),
                stopReason(reply));
    }

    @Override
    public Optional<VendorError> accept(SseEvent event) {
        JsonNode data = json.readTree(event.data());
        switch (data.path("type").asString(event.event())) {
            case "message_start" -> {
                JsonNode usage = data.path("message").path("usage");
                inputTokens = inputTokens(usage);
                outputTokens = usage.path("output_tokens").asLong();
            }
            case "content_block_start" -> startBlock(data.path("index").asInt(), data.path("content_block"));
            case "content_block_delta" -> addDelta(data.path("index").asInt(), data.path("delta"));
            case "message_delta" -> {
                stopReason = data.path("delta").path("stop_reason").asString(stopReason);
                JsonNode usage = data.path("usage");
                outputTokens = usage.path("output_tokens").asLong(outputTokens);
                inputTokens = usage.has("input_tokens") ? inputTokens(usage) : inputTokens;
            }
            case "message_stop" -> stopped = true;
            case "error" -> {
                return Optional.of(VendorError.of(data));
            }
            default -> {
                // ping, content_block_stop and future event types change nothing
            }
        }
        return Optional.empty();
    }

    private void startBlock(int index, JsonNode block) {
        switch (block.path("type").asString()) {
            case "text" -> text.append(block.path("text").asString());
            case "tool_use" ->
                toolCalls.put(
                        index,
                        new ToolCallDraft(
                                block.path("id").asString(), block.path("name").asString()));
            default -> {
                // other block types are not part of NAVI's reply
            }
        }
    }

    private void addDelta(int index, JsonNode delta) {
        switch (delta.path("type").asString()) {
            case "text_delta" -> text.append(delta.path("text").asString());
            case "input_json_delta" -> {
                ToolCallDraft draft = toolCalls.get(index);
                if (draft != null) {
                    draft.appendArguments(delta.path("partial_json").asString());
                }
            }
            default -> {
                // thinking and signature deltas are not part of NAVI's reply
            }
        }
    }

    @Override
    public boolean hasContent() {
        return !text.isEmpty() || !toolCalls.isEmpty();
    }

    @Override
    public boolean finished() {
        return stopped;
    }

    @Override
    public boolean complete() {
        return stopped;
    }

    @Override
    public ParsedReply reply() {
        List<ToolCall> calls = toolCalls.entrySet().stream()
                .map(entry -> entry.getValue().toToolCall("toolu_" + entry.getKey()))
                .toList();
        return new ParsedReply(text.toString(), calls, inputTokens, outputTokens, stopReason);
    }

    /** Prompt tokens, including those written to or read from the prompt cache. */
    private static long inputTokens(JsonNode usage) {
        return usage.path("input_tokens").asLong()
                + usage.path("cache_creation_input_tokens").asLong()
                + usage.path("cache_read_input_tokens").asLong();
    }

    private static String stopReason(JsonNode reply) {
        JsonNode reason = reply.path("stop_reason");
        return reason.isNull() || reason.isMissingNode() ? "" : reason.asString();
    }
}
