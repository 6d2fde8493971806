package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.ToolCall;
import dev.navi.tasks.ApprovalMode;
import dev.navi.tools.ToolBox;
import dev.navi.tools.ToolOutcome;
import dev.navi.tools.ToolSpec;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A round's tools run on the copy only once its baseline is recorded. */
class ToolRoundBaselineTest {

    private static final List<ToolCall> CALLS =
            List.of(new ToolCall("a", "read_file", "{}"), new ToolCall("b", "write_file", "{}"));

    private final RecordedStepEvents events = new RecordedStepEvents();
    private final List<String> happened = new ArrayList<>();

    @Test
    void whenARoundRunsThenItWaitsForTheBaselineOnceBeforeItsFirstTool() throws Exception {
        round(() -> happened.add("baseline recorded")).run(Path.of("."), 1, CALLS);

        assertThat(happened).containsExactly("baseline recorded", "ran read_file", "ran write_file");
    }

    @Test
    void whenTheWaitIsInterruptedThenNoToolRunsAndNothingIsPublished() {
        var round = round(() -> {
            throw new InterruptedException("cancelled");
        });

        assertThatThrownBy(() -> round.run(Path.of("."), 1, CALLS)).isInstanceOf(InterruptedException.class);
        assertThat(happened).isEmpty();
        assertThat(events.published).isEmpty();
    }

    @Test
    void whenTheBaselineCouldNotBeRecordedThenNoToolRunsAndTheFailureEndsTheRound() {
        var round = round(() -> {
            throw new WorkspaceException(Reason.UNAVAILABLE, "Cannot record the baseline");
        });

        assertThatThrownBy(() -> round.run(Path.of("."), 1, CALLS))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        assertThat(happened).isEmpty();
        assertThat(events.published).isEmpty();
    }

    private ToolRound round(BaselineWait baseline) {
        return new ToolRound(
                RoundTasks.task(ApprovalMode.NEVER),
                new Tools(),
                new CommandAudit(entry -> {}),
                new ApprovalPolicy(List.of()),
                events,
                () -> {},
                baseline);
    }

    private final class Tools implements ToolBox {

        @Override
        public List<ToolSpec> specs() {
            return List.of();
        }

        @Override
        public boolean changesFiles(String toolName) {
            return !toolName.equals("read_file");
        }

        @Override
        public ToolOutcome execute(Path workspaceRoot, String toolName, String argumentsJson) {
            happened.add("ran " + toolName);
            return new ToolOutcome.Succeeded("ran " + toolName, 0, Duration.ofMillis(1));
        }
    }
}
