package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tasks.ApprovalMode;
import dev.navi.tasks.StopReason;
import dev.navi.workspace.RestoredCopy;
import dev.navi.workspace.WorkspaceSource;
import dev.navi.workspace.Workspaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which diff an outcome carries. */
class LoopOutcomesTest {

    private static final Path ROOT = Path.of("work");

    private final List<String> diffsComputed = new ArrayList<>();

    @Test
    void whenNoCallCouldHaveChangedTheCopyThenTheDiffIsEmptyWithoutAScan() {
        var outcome = outcomes(false).completed("done", ROOT);

        assertThat(outcome.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(outcome.diff()).isEmpty();
        assertThat(diffsComputed).isEmpty();
    }

    @Test
    void whenACallCouldHaveChangedTheCopyThenTheDiffIsComputed() {
        var outcome = outcomes(true).completed("done", ROOT);

        assertThat(outcome.diff()).isEqualTo("diff --git a/x b/x\n");
        assertThat(diffsComputed).hasSize(1);
    }

    @Test
    void whenTheTaskHasNoCopyThenItHasNoDiff() {
        assertThat(outcomes(false).completed("done", null).diff()).isNull();
    }

    private LoopOutcomes outcomes(boolean copyTouched) {
        var task = RoundTasks.task(ApprovalMode.NEVER);
        return new LoopOutcomes(task, new LoopState("p"), new RunControl(), new Diffs(), () -> copyTouched);
    }

    /** Computes one fixed diff and notes each computation. */
    private final class Diffs implements Workspaces {

        @Override
        public String finalDiff(UUID taskId) {
            diffsComputed.add(taskId.toString());
            return "diff --git a/x b/x\n";
        }

        @Override
        public void validate(String tenant, WorkspaceSource source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path prepare(UUID taskId, String tenant, WorkspaceSource source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(UUID taskId) {}

        @Override
        public void awaitBaseline(UUID taskId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String diff(UUID taskId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkSize(UUID taskId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkpoint(UUID taskId, long seq) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> checkpointDiff(UUID taskId, long seq) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RestoredCopy restoreLatestCheckpoint(UUID taskId, String tenant, WorkspaceSource source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(UUID taskId) {
            throw new UnsupportedOperationException();
        }
    }
}
