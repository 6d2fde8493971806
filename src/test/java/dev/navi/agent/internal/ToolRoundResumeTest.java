package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.events.TaskEvent;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.ToolCall;
import dev.navi.tasks.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A round an earlier attempt left: stored results are kept, in-flight calls re-run or reported. */
class ToolRoundResumeTest {

    private final List<String> executed = new ArrayList<>();
    private final RecordedStepEvents events = new RecordedStepEvents();
    private final List<TaskEvent> published = events.published;
    /** For each checkpoint, how many events were published before it. */
    private final List<Integer> checkpoints = new ArrayList<>();

    private final Task task = RoundTasks.task(dev.navi.tasks.ApprovalMode.NEVER);
    private final ToolRound round = new ToolRound(
            task,
            new RoundTools(executed::add),
            new CommandAudit(entry -> {}),
            new ApprovalPolicy(List.of()),
            events,
            () -> checkpoints.add(published.size()),
            () -> {});

    @Test
    void whenResumingARoundThenStoredResultsAreKeptReadOnlyCallsReRunAndWritingCallsAreReportedInterrupted()
            throws Exception {
        var calls = List.of(
                new ToolCall("done", "write_file", "{}"),
                new ToolCall("reading", "read_file", "{}"),
                new ToolCall("writing", "write_file", "{}"),
                new ToolCall("never-started", "write_file", "{}"));
        var stored = new LlmMessage.ToolResult("done", "stored output", false);

        var results = round.resume(
                Path.of("."),
                new Resumption.UnfinishedRound(
                        3, calls, Map.of("done", stored), Set.of("reading", "writing"), Map.of()));

        assertThat(results)
                .containsExactly(
                        stored,
                        new LlmMessage.ToolResult("reading", "ran read_file", false),
                        new LlmMessage.ToolResult("writing", ToolRound.INTERRUPTED, true),
                        new LlmMessage.ToolResult("never-started", "ran write_file", false));
        assertThat(executed).containsExactly("read_file", "write_file");
        assertThat(published)
                .filteredOn(TaskEvent.ToolCallCompleted.class::isInstance)
                .extracting(e -> ((TaskEvent.ToolCallCompleted) e).toolCallId())
                .containsExactly("reading", "writing", "never-started");
        assertThat(published)
                .filteredOn(TaskEvent.ToolCallStarted.class::isInstance)
                .extracting(e -> ((TaskEvent.ToolCallStarted) e).toolCallId())
                .as("an interrupted call is not started again")
                .containsExactly("reading", "never-started");
        assertThat(checkpoints)
                .as("the write that ran is checkpointed between its tool.call and its tool.result; the read is not")
                .hasSize(1)
                .allSatisfy(before -> assertThat(published.get(before - 1))
                        .isInstanceOfSatisfying(
                                TaskEvent.ToolCallStarted.class,
                                started -> assertThat(started.toolCallId()).isEqualTo("never-started")));
    }
}
