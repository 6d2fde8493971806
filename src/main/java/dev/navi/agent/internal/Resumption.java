package dev.navi.agent.internal;

import dev.navi.events.TaskEvent;
import dev.navi.events.TaskHistory;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an earlier attempt of a task left off, rebuilt from its stored events: the conversation as the
 * model saw it (every stored reply with its tool calls, every stored tool result), the round of tool
 * calls that did not finish, or the final reply that was stored but not yet recorded as the end.
 *
 * @param messages the conversation up to the last stored reply, and that reply's results when all are stored
 * @param iterations stored model replies
 * @param lastSeq the sequence number of the last stored event, 0 when none
 * @param unfinished the last reply's tool calls when some have no stored result, else null
 * @param finalReply the text of a last reply without tool calls (the task was done), else null
 */
record Resumption(
        List<LlmMessage> messages, int iterations, long lastSeq, UnfinishedRound unfinished, String finalReply) {

    /**
     * The tool calls of one reply when the attempt ended among them.
     *
     * @param done stored results by tool call id: these calls are never run again
     * @param started ids of calls with a {@code tool.call} and no {@code tool.result}: they were in flight
     * @param decisions the decided approvals of calls without a result, by tool call id
     */
    record UnfinishedRound(
            int iteration,
            List<ToolCall> calls,
            Map<String, LlmMessage.ToolResult> done,
            Set<String> started,
            Map<String, TaskEvent.ApprovalDecided> decisions) {}

    static Resumption rebuild(String prompt, List<TaskHistory.Recorded> history) {
        var messages = new ArrayList<LlmMessage>();
        messages.add(new LlmMessage.User(prompt));
        int iterations = 0;
        long lastSeq = 0;
        TaskEvent.LlmResponded reply = null;
        var done = new LinkedHashMap<String, LlmMessage.ToolResult>();
        var started = new HashSet<String>();
        var decisions = new HashMap<String, TaskEvent.ApprovalDecided>();
        for (var recorded : history) {
            lastSeq = recorded.seq();
            switch (recorded.event()) {
                case TaskEvent.LlmResponded responded -> {
                    closeRound(messages, reply, done);
                    reply = responded;
                    iterations++;
                    done.clear();
                    started.clear();
                    decisions.clear();
                    messages.add(new LlmMessage.Assistant(responded.text(), calls(responded)));
                }
                case TaskEvent.ToolCallStarted call -> started.add(call.toolCallId());
                case TaskEvent.ToolCallCompleted result -> {
                    started.remove(result.toolCallId());
                    done.put(
                            result.toolCallId(),
                            new LlmMessage.ToolResult(result.toolCallId(), result.output(), !result.ok()));
                }
                case TaskEvent.ApprovalDecided decided -> decisions.put(decided.toolCallId(), decided);
                case TaskEvent.ApprovalRequested e -> {}
                case TaskEvent.TaskQueued e -> {}
                case TaskEvent.TaskStarted e -> {}
                case TaskEvent.TaskResumed e -> {}
                case TaskEvent.LlmRequested e -> {}
                case TaskEvent.LlmRetried e -> {}
                case TaskEvent.LlmCircuitOpen e -> {}
                case TaskEvent.LlmFallbackUsed e -> {}
                case TaskEvent.TaskSucceeded e -> {}
                case TaskEvent.TaskFailed e -> {}
                case TaskEvent.TaskCancelled e -> {}
            }
        }
        if (reply == null) {
            return new Resumption(List.copyOf(messages), 0, lastSeq, null, null);
        }
        if (reply.toolCalls().isEmpty()) {
            return new Resumption(List.copyOf(messages), iterations, lastSeq, null, reply.text());
        }
        var calls = calls(reply);
        if (calls.stream().allMatch(call -> done.containsKey(call.id()))) {
            closeRound(messages, reply, done);
            return new Resumption(List.copyOf(messages), iterations, lastSeq, null, null);
        }
        var unfinished = new UnfinishedRound(
                reply.iteration(), calls, Map.copyOf(done), Set.copyOf(started), Map.copyOf(decisions));
        return new Resumption(List.copyOf(messages), iterations, lastSeq, unfinished, null);
    }

    /** A reply's results follow it once every one of its calls has one (the loop only then asks again). */
    private static void closeRound(
            List<LlmMessage> messages, TaskEvent.LlmResponded reply, Map<String, LlmMessage.ToolResult> done) {
        if (reply == null || reply.toolCalls().isEmpty()) {
            return;
        }
        messages.add(new LlmMessage.ToolResults(reply.toolCalls().stream()
                .map(call -> done.getOrDefault(call.id(), ToolRound.interrupted(call.id())))
                .toList()));
    }

    private static List<ToolCall> calls(TaskEvent.LlmResponded reply) {
        return reply.toolCalls().stream()
                .map(call -> new ToolCall(call.id(), call.name(), call.arguments()))
                .toList();
    }
}
