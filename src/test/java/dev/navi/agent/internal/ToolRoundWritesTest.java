package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.events.TaskEvent;
import dev.navi.llm.ToolCall;
import dev.navi.tasks.ApprovalMode;
import dev.navi.tasks.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When a round's events are stored: a call that can change files before its tool runs, a read-only one
 * with its result, results with the next write.
 */
class ToolRoundWritesTest {

    private final RecordedStepEvents events = new RecordedStepEvents();
    /** For each tool run: the events stored when it began. */
    private final List<List<TaskEvent>> storedAtRun = new ArrayList<>();
    /** For each audit record: the events stored when it was written. */
    private final List<List<TaskEvent>> storedAtAudit = new ArrayList<>();

    private final Task task = RoundTasks.task(ApprovalMode.NEVER);
    private final ToolRound round = new ToolRound(
            task,
            new RoundTools(name -> storedAtRun.add(List.copyOf(events.stored))),
            new CommandAudit(entry -> storedAtAudit.add(List.copyOf(events.stored))),
            new ApprovalPolicy(List.of()),
            events,
            () -> {},
            () -> {});

    @Test
    void whenAToolCanChangeFilesThenItsCallIsStoredBeforeItRunsWithTheResultsBeforeIt() throws Exception {
        round.run(
                Path.of("."), 1, List.of(new ToolCall("a", "read_file", "{}"), new ToolCall("b", "write_file", "{}")));

        assertThat(storedAtRun).hasSize(2);
        assertThat(storedAtRun.get(0))
                .as("a read-only call is not stored before it runs")
                .isEmpty();
        assertThat(storedAtRun.get(1))
                .extracting(ToolRoundWritesTest::describe)
                .as("the read-only call and its result are stored with the second call, before its tool runs")
                .containsExactly("tool.call a", "tool.result a", "tool.call b");
        assertThat(events.stored)
                .extracting(ToolRoundWritesTest::describe)
                .as("the last result waits for the loop's next write")
                .doesNotContain("tool.result b");
        assertThat(events.published)
                .extracting(ToolRoundWritesTest::describe)
                .containsExactly("tool.call a", "tool.result a", "tool.call b", "tool.result b");
    }

    @Test
    void whenOnlyReadOnlyToolsRunThenTheRoundStoresNothingUntilTheLoopsNextWrite() throws Exception {
        round.run(Path.of("."), 1, List.of(new ToolCall("a", "read_file", "{}"), new ToolCall("b", "read_file", "{}")));

        assertThat(storedAtRun)
                .hasSize(2)
                .allSatisfy(stored -> assertThat(stored).isEmpty());
        assertThat(events.stored).isEmpty();
        assertThat(events.published)
                .extracting(ToolRoundWritesTest::describe)
                .containsExactly("tool.call a", "tool.result a", "tool.call b", "tool.result b");
    }

    @Test
    void whenOnlyReadOnlyToolsRanThenTheCopyIsUntouchedAndOnceOneThatCanChangeFilesRunsItIsTouched() throws Exception {
        round.run(Path.of("."), 1, List.of(new ToolCall("a", "read_file", "{}")));
        assertThat(round.copyTouched()).isFalse();

        round.run(Path.of("."), 2, List.of(new ToolCall("b", "write_file", "{}")));
        assertThat(round.copyTouched()).isTrue();
    }

    @Test
    void whenACommandRunsThenItsResultIsStoredBeforeItsAuditRecord() throws Exception {
        round.run(Path.of("."), 1, List.of(new ToolCall("c", CommandAudit.RUN_COMMAND, "{\"command\":\"true\"}")));

        assertThat(storedAtAudit).hasSize(1);
        assertThat(storedAtAudit.getFirst())
                .extracting(ToolRoundWritesTest::describe)
                .containsExactly("tool.call c", "tool.result c");
    }

    private static String describe(TaskEvent event) {
        return switch (event) {
            case TaskEvent.ToolCallStarted started -> "tool.call " + started.toolCallId();
            case TaskEvent.ToolCallCompleted completed -> "tool.result " + completed.toolCallId();
            default -> TaskEvent.typeOf(event);
        };
    }
}
