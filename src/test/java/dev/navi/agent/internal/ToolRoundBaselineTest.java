package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.ToolCall;
import dev.navi.tasks.ApprovalMode;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A round's calls that can change files run on the copy only once its baseline is recorded. */
class ToolRoundBaselineTest {

    private static final ToolCall READ = new ToolCall("a", "read_file", "{}");
    private static final ToolCall WRITE = new ToolCall("b", "write_file", "{}");
    private static final ToolCall WRITE_AGAIN = new ToolCall("c", "write_file", "{}");

    private final RecordedStepEvents events = new RecordedStepEvents();
    private final List<String> happened = new ArrayList<>();

    @Test
    void whenARoundHasOnlyReadOnlyCallsThenTheyRunWithoutWaitingForTheBaseline() throws Exception {
        var round = round(() -> happened.add("baseline recorded"));
        round.run(Path.of("."), 1, List.of(READ));
        round.run(Path.of("."), 2, List.of(READ));

        assertThat(happened).containsExactly("ran read_file", "ran read_file");
    }

    @Test
    void whenACallCanChangeFilesThenTheFirstSuchCallWaitsForTheBaselineOnce() throws Exception {
        var round = round(() -> happened.add("baseline recorded"));
        round.run(Path.of("."), 1, List.of(READ, WRITE));
        round.run(Path.of("."), 2, List.of(WRITE_AGAIN));

        assertThat(happened).containsExactly("ran read_file", "baseline recorded", "ran write_file", "ran write_file");
    }

    @Test
    void whenTheWaitIsInterruptedThenTheCallIsNeitherRunNorStored() {
        var round = round(() -> {
            throw new InterruptedException("cancelled");
        });

        assertThatThrownBy(() -> round.run(Path.of("."), 1, List.of(WRITE))).isInstanceOf(InterruptedException.class);
        assertThat(happened).isEmpty();
        assertThat(events.published).isEmpty();
    }

    @Test
    void whenTheBaselineCouldNotBeRecordedThenTheCallIsNeitherRunNorStoredAndTheFailureEndsTheRound() {
        var round = round(() -> {
            throw new WorkspaceException(Reason.UNAVAILABLE, "Cannot record the baseline");
        });

        assertThatThrownBy(() -> round.run(Path.of("."), 1, List.of(WRITE)))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThat(happened).isEmpty();
        assertThat(events.published).isEmpty();
    }

    private ToolRound round(BaselineWait baseline) {
        return new ToolRound(
                RoundTasks.task(ApprovalMode.NEVER),
                new RoundTools(name -> happened.add("ran " + name)),
                new CommandAudit(entry -> {}),
                new ApprovalPolicy(List.of()),
                events,
                () -> {},
                baseline);
    }
}
