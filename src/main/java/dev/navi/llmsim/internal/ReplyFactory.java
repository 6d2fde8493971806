package dev.navi.llmsim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Makes a scripted turn concrete for one request: ids, model echo and token usage. */
final class ReplyFactory {

    private static final int CHARS_PER_TOKEN = 4;

    private ReplyFactory() {}

    static Reply reply(Protocol protocol, ParsedRequest request, Turn turn, int turnIndex) {
        List<Reply.ToolCall> toolCalls = new ArrayList<>();
        for (ScriptedToolCall call : turn.toolCalls()) {
            String id = protocol.toolCallIdPrefix() + stableId(request.conversation(), turnIndex, toolCalls.size());
            toolCalls.add(new Reply.ToolCall(id, call.name(), call.arguments(), call.raw()));
        }
        String messageId =
                protocol.messageIdPrefix() + UUID.randomUUID().toString().replace("-", "");
        TokenCounts usage = turn.usage().orElseGet(() -> estimate(request, turn));
        return new Reply(
                messageId, request.model(), turn.text(), toolCalls, usage, request.includeUsage(), turn.chunkChars());
    }

    private static TokenCounts estimate(ParsedRequest request, Turn turn) {
        int replyChars = turn.text().length();
        for (ScriptedToolCall call : turn.toolCalls()) {
            replyChars += call.name().length() + call.arguments().length();
        }
        return new TokenCounts(tokens(request.bodyChars()), tokens(replyChars));
    }

    private static int tokens(int chars) {
        return Math.max(1, chars / CHARS_PER_TOKEN);
    }

    /** Same conversation, turn and position give the same id, so replays are reproducible. */
    private static String stableId(String conversation, int turn, int index) {
        return Hashes.sha256Hex(conversation + "/" + turn + "/" + index, 12);
    }
}
