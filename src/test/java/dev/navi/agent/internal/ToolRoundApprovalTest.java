package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.events.TaskEvent;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.ToolCall;
import dev.navi.tasks.ApprovalMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A round stops at a call its task's mode holds back, and goes on with the decision once it is made. */
class ToolRoundApprovalTest {

    private static final Path ROOT = Path.of(".");

    private final List<String> executed = new ArrayList<>();
    private final RecordedStepEvents events = new RecordedStepEvents();
    private final List<TaskEvent> published = events.published;
    /** For each checkpoint, how many events were published before it. */
    private final List<Integer> checkpoints = new ArrayList<>();

    @Nested
    class Asking {

        @Test
        void whenACallNeedsApprovalThenTheRoundStopsThereAfterRunningTheCallsBefore() {
            var round = round(ApprovalMode.WRITES);
            var calls = List.of(call("r", "read_file"), call("w", "write_file"), call("c", "run_command"));

            assertThatThrownBy(() -> round.run(ROOT, 1, calls)).isInstanceOfSatisfying(ApprovalNeeded.class, needed -> {
                assertThat(needed.call().id()).isEqualTo("w");
                assertThat(needed.iteration()).isEqualTo(1);
            });
            assertThat(executed).containsExactly("read_file");
            assertThat(checkpoints).as("nothing that ran could change files").isEmpty();
        }

        @Test
        void whenAnEarlierCallOfTheRoundChangedFilesThenItsChangeIsCheckpointedBeforeItsResultAndTheStop() {
            var round = round(ApprovalMode.COMMANDS);
            var calls = List.of(call("w", "write_file"), call("c", "run_command"));

            assertThatThrownBy(() -> round.run(ROOT, 2, calls)).isInstanceOfSatisfying(ApprovalNeeded.class, needed -> {
                assertThat(needed.call().id()).isEqualTo("c");
            });
            assertThat(executed).containsExactly("write_file");
            assertThat(published)
                    .hasSize(2)
                    .first()
                    .as("the checkpoint comes after the call's tool.call, before its tool.result")
                    .isInstanceOf(TaskEvent.ToolCallStarted.class);
            assertThat(checkpoints).containsExactly(1);
        }

        @Test
        void whenTheModeIsNeverThenEveryCallRuns() throws Exception {
            var results = round(ApprovalMode.NEVER).run(ROOT, 1, List.of(call("c", "run_command")));

            assertThat(results).containsExactly(new LlmMessage.ToolResult("c", "ran run_command", false));
        }
    }

    @Nested
    class Decided {

        @Test
        void whenApprovedThenTheCallRunsAndWhenDeniedTheModelGetsTheDenial() throws Exception {
            var round = round(ApprovalMode.WRITES);
            var calls = List.of(call("w", "write_file"), call("c", "run_command"));
            var decisions = Map.of(
                    "w", decision("w", "approve", "fine", "alice"),
                    "c", decision("c", "deny", "not on prod", "alice"));

            var results = round.resume(ROOT, new Resumption.UnfinishedRound(4, calls, Map.of(), Set.of(), decisions));

            assertThat(results)
                    .containsExactly(
                            new LlmMessage.ToolResult("w", "ran write_file", false),
                            new LlmMessage.ToolResult("c", "denied by alice: not on prod", true));
            assertThat(executed).containsExactly("write_file");
            assertThat(published)
                    .filteredOn(TaskEvent.ToolCallStarted.class::isInstance)
                    .extracting(e -> ((TaskEvent.ToolCallStarted) e).toolCallId())
                    .as("a denied call is never started")
                    .containsExactly("w");
            assertThat(published)
                    .filteredOn(TaskEvent.ToolCallCompleted.class::isInstance)
                    .extracting(e -> ((TaskEvent.ToolCallCompleted) e).ok())
                    .containsExactly(true, false);
        }

        @Test
        void whenExpiredThenTheModelIsToldTheSystemDeniedIt() throws Exception {
            var round = round(ApprovalMode.COMMANDS);
            var calls = List.of(call("c", "run_command"));

            var results = round.resume(
                    ROOT,
                    new Resumption.UnfinishedRound(
                            1, calls, Map.of(), Set.of(), Map.of("c", decision("c", "expired", "too late", "system"))));

            assertThat(results).containsExactly(new LlmMessage.ToolResult("c", "denied by system: too late", true));
            assertThat(executed).isEmpty();
        }

        @Test
        void whenALaterCallOfTheRoundNeedsApprovalThenTheRoundStopsThereAgain() {
            var round = round(ApprovalMode.COMMANDS);
            var calls = List.of(call("c1", "run_command"), call("c2", "run_command"));
            var decisions = Map.of("c1", decision("c1", "approve", null, "alice"));

            assertThatThrownBy(() ->
                            round.resume(ROOT, new Resumption.UnfinishedRound(1, calls, Map.of(), Set.of(), decisions)))
                    .isInstanceOfSatisfying(
                            ApprovalNeeded.class,
                            needed -> assertThat(needed.call().id()).isEqualTo("c2"));
            assertThat(executed).containsExactly("run_command");
            assertThat(ToolRound.refusal(decision("x", "deny", " ", "bob")))
                    .isEqualTo("denied by bob: no reason given");
        }
    }

    private ToolRound round(ApprovalMode mode) {
        var task = RoundTasks.task(mode);
        return new ToolRound(
                task,
                new RoundTools(executed::add),
                new CommandAudit(entry -> {}),
                new ApprovalPolicy(List.of()),
                events,
                () -> checkpoints.add(published.size()),
                () -> {});
    }

    private static ToolCall call(String id, String tool) {
        return new ToolCall(id, tool, "{\"command\":\"make\",\"path\":\"a\",\"content\":\"b\"}");
    }

    private static TaskEvent.ApprovalDecided decision(String callId, String decision, String reason, String by) {
        return new TaskEvent.ApprovalDecided(UUID.randomUUID(), UUID.randomUUID(), callId, decision, reason, by);
    }
}
