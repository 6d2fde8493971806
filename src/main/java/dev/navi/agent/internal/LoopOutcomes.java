package dev.navi.agent.internal;

import dev.navi.tasks.StopReason;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskError;
import dev.navi.tasks.TaskOutcome;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.Workspaces;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one loop's endings become outcomes: the stop reason, the error, the totals so far and the diff of
 * the copy. A released loop (handed back, lease lost) ends without an outcome: null.
 */
final class LoopOutcomes {

    private static final Logger log = LoggerFactory.getLogger(LoopOutcomes.class);

    private final Task task;
    private final LoopState state;
    private final RunControl control;
    private final Workspaces workspaces;
    private final BooleanSupplier copyTouched;

    /** @param copyTouched whether anything may have changed the copy since its baseline */
    LoopOutcomes(Task task, LoopState state, RunControl control, Workspaces workspaces, BooleanSupplier copyTouched) {
        this.task = task;
        this.state = state;
        this.control = control;
        this.workspaces = workspaces;
        this.copyTouched = copyTouched;
    }

    TaskOutcome completed(String summary, Path root) {
        return new TaskOutcome(StopReason.COMPLETED, summary, null, state.iterations(), state.usage(), diff(root));
    }

    /** The outcome for a stop reason; null for a release (null reason): the loop ends without an outcome. */
    TaskOutcome stopped(StopReason reason, Path root) {
        Thread.interrupted(); // the stop was the interrupt's purpose; finishing must not be interrupted
        if (control.released() != null || reason == null) {
            return null;
        }
        return switch (reason) {
            case CANCELLED -> new TaskOutcome(reason, null, null, state.iterations(), state.usage(), diff(root));
            case TIMEOUT ->
                failed(
                        reason,
                        new TaskError(
                                "timeout",
                                "Stopped after the wall-clock limit of "
                                        + task.limits().maxDuration().toSeconds() + " s"),
                        root);
            case INTERNAL_ERROR -> failed(reason, new TaskError("internal_error", "The loop was stopped"), root);
            case COMPLETED, MAX_ITERATIONS, BUDGET_EXHAUSTED, LLM_ERROR, WORKSPACE_UNAVAILABLE, WORKSPACE_TOO_LARGE ->
                failed(reason, new TaskError(reason.wireName(), reason.wireName()), root);
        };
    }

    /** The current stop when something halted the loop, else {@code reason} with {@code error}. */
    TaskOutcome stoppedOrFailed(StopReason reason, TaskError error, Path root) {
        return control.halted() ? stopped(control.stopReason(), root) : failed(reason, error, root);
    }

    TaskOutcome failed(StopReason reason, TaskError error, Path root) {
        Thread.interrupted();
        return new TaskOutcome(reason, null, error, state.iterations(), state.usage(), diff(root));
    }

    TaskOutcome workspaceFailed(WorkspaceException e, Path root) {
        if (control.halted()) {
            // a cancel, the wall clock or a release interrupted the copy or clone: that is why it failed
            return stopped(control.stopReason(), null);
        }
        var reason = WorkspaceFailures.stopReason(e);
        // a copy past its cap is not staged for a diff: that would copy its bytes once more
        var diffable = reason == StopReason.WORKSPACE_TOO_LARGE ? null : root;
        return failed(reason, new TaskError(reason.wireName(), e.getMessage()), diffable);
    }

    /**
     * A diff that cannot be computed is stored as a note saying so, never as an empty diff. A copy that no
     * call could have changed has the empty diff: it is not scanned.
     */
    private String diff(Path root) {
        if (root == null || control.released() != null) {
            return null;
        }
        if (!copyTouched.getAsBoolean()) {
            return "";
        }
        try {
            return workspaces.finalDiff(task.id());
        } catch (RuntimeException e) {
            log.warn("Task {}: cannot compute its diff", task.id(), e);
            return "# NAVI: the diff could not be computed: "
                    + String.valueOf(e.getMessage()).replace('\n', ' ') + "\n";
        }
    }
}
