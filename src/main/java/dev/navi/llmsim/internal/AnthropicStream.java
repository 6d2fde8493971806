package dev.navi.llmsim.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The SSE events of one streamed Anthropic message. */
final class AnthropicStream {

    private final JsonMapper mapper;
    private final Reply reply;
    private final ObjectNode messageHead;
    private final String stopReason;
    private final List<String> frames = new ArrayList<>();
    private int blockIndex;

    AnthropicStream(JsonMapper mapper, Reply reply, ObjectNode messageHead, String stopReason) {
        this.mapper = mapper;
        this.reply = reply;
        this.messageHead = messageHead;
        this.stopReason = stopReason;
    }

    List<String> frames() {
        messageStart();
        if (!reply.text().isEmpty()) {
            block(textBlock(), "text_delta", "text", reply.text());
        }
        for (Reply.ToolCall call : reply.toolCalls()) {
            block(toolUseBlock(call), "input_json_delta", "partial_json", call.arguments());
        }
        frames.add(blockIndex == 0 ? 1 : 2, "event: ping\ndata: {\"type\": \"ping\"}\n\n");
        messageEnd();
        return frames;
    }

    private void messageStart() {
        ObjectNode message = messageHead.deepCopy();
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", reply.usage().input()).put("output_tokens", 1);
        ObjectNode event = event("message_start");
        event.set("message", message);
        add(event);
    }

    private void block(ObjectNode contentBlock, String deltaType, String deltaField, String value) {
        ObjectNode start = event("content_block_start").put("index", blockIndex);
        start.set("content_block", contentBlock);
        add(start);
        for (String piece : reply.chunks(value)) {
            ObjectNode delta = event("content_block_delta").put("index", blockIndex);
            delta.putObject("delta").put("type", deltaType).put(deltaField, piece);
            add(delta);
        }
        add(event("content_block_stop").put("index", blockIndex));
        blockIndex++;
    }

    private ObjectNode textBlock() {
        return mapper.createObjectNode().put("type", "text").put("text", "");
    }

    private ObjectNode toolUseBlock(Reply.ToolCall call) {
        ObjectNode block = mapper.createObjectNode()
                .put("type", "tool_use")
                .put("id", call.id())
                .put("name", call.name());
        block.putObject("input");
        return block;
    }

    private void messageEnd() {
        ObjectNode delta = event("message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", reply.usage().output());
        add(delta);
        add(event("message_stop"));
    }

    private ObjectNode event(String type) {
        return mapper.createObjectNode().put("type", type);
    }

    private void add(ObjectNode event) {
        String type = event.get("type").stringValue();
        frames.add("event: " + type + "\ndata: " + mapper.writeValueAsString(event) + "\n\n");
    }
}
