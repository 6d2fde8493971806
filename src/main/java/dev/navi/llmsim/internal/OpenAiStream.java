package dev.navi.llmsim.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The SSE chunks of one streamed OpenAI chat completion. */
final class OpenAiStream {

    private final JsonMapper mapper;
    private final Reply reply;
    private final ObjectNode chunkHead;
    private final String finishReason;
    private final ObjectNode usage;
    private final List<String> frames = new ArrayList<>();

    OpenAiStream(JsonMapper mapper, Reply reply, ObjectNode chunkHead, String finishReason, ObjectNode usage) {
        this.mapper = mapper;
        this.reply = reply;
        this.chunkHead = chunkHead;
        this.finishReason = finishReason;
        this.usage = usage;
    }

    List<String> frames() {
        ObjectNode roleDelta = mapper.createObjectNode().put("role", "assistant");
        if (reply.text().isEmpty() && reply.hasToolCalls()) {
            roleDelta.putNull("content");
        } else {
            roleDelta.put("content", "");
        }
        add(choiceChunk(roleDelta, null));
        for (String piece : reply.chunks(reply.text())) {
            add(choiceChunk(mapper.createObjectNode().put("content", piece), null));
        }
        for (int index = 0; index < reply.toolCalls().size(); index++) {
            toolCall(index, reply.toolCalls().get(index));
        }
        add(choiceChunk(mapper.createObjectNode(), finishReason));
        if (reply.includeUsage()) {
            ObjectNode last = chunkHead.deepCopy();
            last.putArray("choices");
            last.set("usage", usage);
            add(last);
        }
        frames.add("data: [DONE]\n\n");
        return frames;
    }

    private void toolCall(int index, Reply.ToolCall call) {
        ObjectNode first = mapper.createObjectNode();
        first.putArray("tool_calls")
                .addObject()
                .put("index", index)
                .put("id", call.id())
                .put("type", "function")
                .putObject("function")
                .put("name", call.name())
                .put("arguments", "");
        add(choiceChunk(first, null));
        for (String piece : reply.chunks(call.arguments())) {
            ObjectNode delta = mapper.createObjectNode();
            delta.putArray("tool_calls")
                    .addObject()
                    .put("index", index)
                    .putObject("function")
                    .put("arguments", piece);
            add(choiceChunk(delta, null));
        }
    }

    private ObjectNode choiceChunk(ObjectNode delta, String finish) {
        ObjectNode chunk = chunkHead.deepCopy();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        if (reply.includeUsage()) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private void add(ObjectNode chunk) {
        frames.add("data: " + mapper.writeValueAsString(chunk) + "\n\n");
    }
}
