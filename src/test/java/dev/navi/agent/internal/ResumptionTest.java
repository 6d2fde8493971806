package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.events.TaskEvent;
import dev.navi.events.TaskHistory;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.ToolCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResumptionTest {

    private static final UUID TASK = UUID.randomUUID();

    private final List<TaskHistory.Recorded> history = new ArrayList<>();

    @Nested
    class Conversation {

        @Test
        void whenNothingWasRepliedThenOnlyThePromptIsRebuilt() {
            add(new TaskEvent.TaskQueued(TASK, "alice", "do it", null, "{}"));
            add(new TaskEvent.TaskStarted(TASK, null, "worker-a"));
            add(new TaskEvent.LlmRequested(TASK, 1, "m", 1));

            var resumption = Resumption.rebuild("do it", history);

            assertThat(resumption.messages()).containsExactly(new LlmMessage.User("do it"));
            assertThat(resumption.iterations()).isZero();
            assertThat(resumption.lastSeq()).isEqualTo(3);
            assertThat(resumption.unfinished()).isNull();
            assertThat(resumption.finalReply()).isNull();
        }

        @Test
        void whenRoundsCompletedThenEveryReplyIsFollowedByItsResultsInCallOrder() {
            reply(1, "looking", call("c1", "list_files"), call("c2", "read_file"));
            started(1, "c1", "list_files");
            completed(1, "c1", "list_files", true, "a.txt");
            started(1, "c2", "read_file");
            completed(1, "c2", "read_file", false, "no such file");
            reply(2, "", call("c3", "write_file"));
            started(2, "c3", "write_file");
            completed(2, "c3", "write_file", true, "written");

            var resumption = Resumption.rebuild("do it", history);

            assertThat(resumption.messages())
                    .containsExactly(
                            new LlmMessage.User("do it"),
                            new LlmMessage.Assistant(
                                    "looking",
                                    List.of(
                                            new ToolCall("c1", "list_files", "{}"),
                                            new ToolCall("c2", "read_file", "{}"))),
                            new LlmMessage.ToolResults(List.of(
                                    new LlmMessage.ToolResult("c1", "a.txt", false),
                                    new LlmMessage.ToolResult("c2", "no such file", true))),
                            new LlmMessage.Assistant("", List.of(new ToolCall("c3", "write_file", "{}"))),
                            new LlmMessage.ToolResults(List.of(new LlmMessage.ToolResult("c3", "written", false))));
            assertThat(resumption.iterations()).isEqualTo(2);
            assertThat(resumption.unfinished()).isNull();
            assertThat(resumption.finalReply()).isNull();
        }

        @Test
        void whenAReplyWithoutToolCallsWasStoredThenItIsTheFinalReply() {
            reply(1, "", call("c1", "list_files"));
            completed(1, "c1", "list_files", true, "a.txt");
            reply(2, "all done");

            var resumption = Resumption.rebuild("do it", history);

            assertThat(resumption.finalReply()).isEqualTo("all done");
            assertThat(resumption.iterations()).isEqualTo(2);
        }
    }

    @Nested
    class UnfinishedRound {

        @Test
        void whenTheAttemptEndedAmongToolCallsThenStoredResultsInFlightCallsAndUnstartedCallsAreTold() {
            reply(1, "", call("c1", "read_file"), call("c2", "run_command"), call("c3", "list_files"));
            started(1, "c1", "read_file");
            completed(1, "c1", "read_file", true, "content");
            started(1, "c2", "run_command");

            var resumption = Resumption.rebuild("do it", history);

            assertThat(resumption.messages()).hasSize(2).last().isInstanceOf(LlmMessage.Assistant.class);
            var round = resumption.unfinished();
            assertThat(round.iteration()).isEqualTo(1);
            assertThat(round.calls()).extracting(ToolCall::id).containsExactly("c1", "c2", "c3");
            assertThat(round.done()).containsOnlyKeys("c1");
            assertThat(round.started()).containsExactly("c2");
        }

        @Test
        void whenACallWaitedForAnApprovalThenTheDecisionIsKnownByItsCallAndAnOlderRoundsDecisionIsNot() {
            reply(1, "", call("old", "run_command"));
            add(decided("old", "deny"));
            completed(1, "old", "run_command", false, "denied by alice: no");
            reply(2, "", call("c1", "read_file"), call("c2", "run_command"));
            completed(2, "c1", "read_file", true, "content");
            add(new TaskEvent.ApprovalRequested(
                    TASK, java.util.UUID.randomUUID(), 2, "c2", "run_command", "{}", java.time.Instant.now()));
            add(decided("c2", "approve"));

            var round = Resumption.rebuild("do it", history).unfinished();

            assertThat(round.done()).containsOnlyKeys("c1");
            assertThat(round.started()).isEmpty();
            assertThat(round.decisions()).containsOnlyKeys("c2");
            assertThat(round.decisions().get("c2").decision()).isEqualTo("approve");
        }
    }

    private static TaskEvent.ApprovalDecided decided(String callId, String decision) {
        return new TaskEvent.ApprovalDecided(TASK, java.util.UUID.randomUUID(), callId, decision, "r", "alice");
    }

    private void add(TaskEvent event) {
        history.add(new TaskHistory.Recorded(history.size() + 1, event));
    }

    private void reply(int iteration, String text, TaskEvent.RequestedToolCall... calls) {
        add(new TaskEvent.LlmResponded(
                TASK, iteration, "m", text, List.of(calls), 10, 5, BigDecimal.ZERO, true, 1, 1, 1_000L));
    }

    private void started(int iteration, String id, String tool) {
        add(new TaskEvent.ToolCallStarted(TASK, iteration, id, tool, "{}"));
    }

    private void completed(int iteration, String id, String tool, boolean ok, String output) {
        add(new TaskEvent.ToolCallCompleted(TASK, iteration, id, tool, ok, output, null, 1, 1_000L));
    }

    private static TaskEvent.RequestedToolCall call(String id, String name) {
        return new TaskEvent.RequestedToolCall(id, name, "{}");
    }
}
