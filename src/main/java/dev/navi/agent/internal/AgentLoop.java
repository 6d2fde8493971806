package dev.navi.agent.internal;

import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditWriteException;
import dev.navi.events.LeaseLostException;
import dev.navi.events.TaskEvent;
import dev.navi.events.TaskHistory;
import dev.navi.llm.CallContext;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmGateway;
import dev.navi.llm.ToolDefinition;
import dev.navi.tasks.ApprovalRequest;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskError;
import dev.navi.tasks.TaskOutcome;
import dev.navi.tasks.TaskQueue;
import dev.navi.tools.ToolBox;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bounded tool loop of one task: ask the model, run the tools it calls, give it the results, and
 * repeat until it answers without tool calls or a limit stops it. Never throws: every ending is a
 * {@link LoopEnd}. Every write it makes for the task is fenced by the task's lease; the first one
 * refused ends the loop at once, writing nothing more. A resumed task goes on from the conversation its
 * earlier attempts stored: no stored reply is requested again, no stored tool result run again. The
 * writes a step makes together are committed together ({@link StepWrites}).
 */
final class AgentLoop {

    private static final Logger log = LoggerFactory.getLogger(AgentLoop.class);

    private final Task task;
    private final ClaimedTask claimed;
    private final Resumption resumption;
    private final RunControl control;
    private final Collaborators with;
    private final LoopState state;
    private final String model;
    private final ModelTurn turn;
    private final ToolRound tools;
    private final LoopOutcomes outcomes;
    private final StepWrites writes;
    private final StepEvents events = new FencedEvents();
    private boolean parked;

    /** @param resumption where an earlier attempt left off, null on the first attempt */
    AgentLoop(ClaimedTask claimed, Resumption resumption, RunControl control, Collaborators with) {
        this.task = claimed.task();
        this.claimed = claimed;
        this.resumption = resumption;
        this.control = control;
        this.with = with;
        this.state = resumption == null
                ? new LoopState(task.prompt())
                : new LoopState(resumption.messages(), resumption.iterations(), task.usage());
        this.model = task.model() != null ? task.model() : with.llm().defaultModel();
        this.writes = new StepWrites(with.transactions(), with.clock());
        this.tools = new ToolRound(
                task,
                with.tools(),
                new CommandAudit(with.audit()),
                with.approvalPolicy(),
                events,
                this::checkpoint,
                () -> with.workspaces().awaitBaseline(task.id()));
        var calls = new CallContext(
                new TaskCallObserver(task.id(), () -> state.iterations() + 1, state::recordAttempt, events::now));
        this.turn = new ModelTurn(task.id(), model, with, calls, events);
        // a resumed task's earlier attempts may have changed its copy
        this.outcomes = new LoopOutcomes(
                task, state, control, with.workspaces(), () -> resumption != null || tools.copyTouched());
    }

    /** What the loop needs, shared by all loops of a worker. */
    record Collaborators(
            LlmGateway llm,
            ToolBox tools,
            AuditLog audit,
            Workspaces workspaces,
            TaskQueue queue,
            TaskHistory history,
            ApplicationEventPublisher events,
            AgentProperties properties,
            ApprovalPolicy approvalPolicy,
            String systemPrompt,
            List<ToolDefinition> toolDefinitions,
            TransactionTemplate transactions,
            Clock clock) {}

    LoopEnd run() {
        TaskOutcome outcome = null;
        try {
            outcome = attempt();
            if (outcome == null || control.released() != null) {
                // what the last step deferred is stored before the hand-back; a finished task's goes with
                // its final state (finish)
                fenced(writes::flush);
            }
        } catch (LeaseLostException e) {
            control.release(RunControl.Release.LEASE_LOST);
        }
        if (parked) {
            // the parking wrote the lease's release: a hand-back asked for meanwhile has nothing left to do
            Thread.interrupted();
            return new LoopEnd.AwaitingApproval();
        }
        var released = control.released();
        if (released == null) {
            return new LoopEnd.Finished(outcome);
        }
        Thread.interrupted();
        return switch (released) {
            case HAND_BACK -> new LoopEnd.HandedBack();
            case LEASE_LOST -> new LoopEnd.LeaseLost();
        };
    }

    /** The task's outcome; null when the loop was released (it ends without one). */
    private TaskOutcome attempt() {
        Path root = null;
        try {
            if (resumption != null) {
                events.now(new TaskEvent.TaskResumed(
                        task.id(),
                        claimed.attempt(),
                        claimed.previousWorker(),
                        claimed.workerId(),
                        resumption.lastSeq()));
                root = restoredWorkspace();
                return resume(root);
            }
            root = with.workspaces().prepare(task.id(), task.tenant(), task.workspace());
            return loop(root);
        } catch (WorkspaceException e) {
            return outcomes.workspaceFailed(e, root);
        } catch (LlmException e) {
            return outcomes.stoppedOrFailed(
                    StopReason.LLM_ERROR, new TaskError(e.errorClass().wireName(), e.getMessage()), root);
        } catch (InterruptedException e) {
            return outcomes.stopped(control.halted() ? control.stopReason() : StopReason.CANCELLED, root);
        } catch (LeaseLostException e) {
            throw e;
        } catch (AuditWriteException e) {
            // whatever else happened, a command ran without its audit record: that is why the task ends
            log.error("Task {} stopped: a command's audit record could not be written", task.id(), e);
            return outcomes.failed(
                    StopReason.INTERNAL_ERROR,
                    new TaskError("audit_write_failed", "A command ran but its audit record could not be written"),
                    root);
        } catch (RuntimeException e) {
            if (!control.halted()) {
                log.error("Task {} failed unexpectedly", task.id(), e);
            }
            return outcomes.stoppedOrFailed(
                    StopReason.INTERNAL_ERROR, new TaskError("internal_error", e.toString()), root);
        }
    }

    /**
     * Writes the task's final state, in one transaction with what the last step deferred.
     *
     * @throws LeaseLostException when the lease is no longer held: nothing was written
     */
    void finish(TaskOutcome outcome) {
        writes.now(() -> with.queue().finish(claimed.lease(), outcome));
    }

    /** The copy as the last checkpoint left it (the source's baseline when no round changed files). */
    private Path restoredWorkspace() {
        var restored = with.workspaces().restoreLatestCheckpoint(task.id(), task.tenant(), task.workspace());
        log.info("Task {} resumes on its copy as of event {}", task.id(), restored.seq());
        return restored.root();
    }

    /** Finishes what the earlier attempt left: its final reply, or its round of tool calls; then loops. */
    private TaskOutcome resume(Path root) throws InterruptedException {
        if (resumption.finalReply() != null) {
            return outcomes.completed(resumption.finalReply(), root);
        }
        var unfinished = resumption.unfinished();
        if (unfinished != null) {
            try {
                state.recordToolResults(tools.resume(root, unfinished));
            } catch (ApprovalNeeded needed) {
                return park(needed);
            }
        }
        return loop(root);
    }

    private TaskOutcome loop(Path root) throws InterruptedException {
        var limits = task.limits();
        while (true) {
            if (control.halted()) {
                return outcomes.stopped(control.stopReason(), root);
            }
            if (state.iterations() >= limits.maxIterations()) {
                return outcomes.failed(
                        StopReason.MAX_ITERATIONS,
                        new TaskError("max_iterations", "Stopped after " + limits.maxIterations() + " iterations"),
                        root);
            }
            if (state.budgetExhausted(limits)) {
                return outcomes.failed(StopReason.BUDGET_EXHAUSTED, BudgetErrors.spent(state.usage(), limits), root);
            }
            var request = turn.next(state);
            var worstCase = with.llm().worstCase(request);
            if (state.wouldCross(worstCase, limits)) {
                return outcomes.failed(
                        StopReason.BUDGET_EXHAUSTED, BudgetErrors.wouldCross(worstCase, state.usage(), limits), root);
            }
            var response = turn.call(request, state, this::recordProgress);
            if (response.toolCalls().isEmpty()) {
                return outcomes.completed(response.text(), root);
            }
            try {
                state.recordToolResults(tools.run(root, state.iterations(), response.toolCalls()));
            } catch (ApprovalNeeded needed) {
                return park(needed);
            }
        }
    }

    /**
     * After a call that could change files, before its result is stored: tied to the call's
     * {@code tool.call} event. The size check walks the whole copy, so only after such calls.
     */
    private void checkpoint() {
        with.workspaces().checkSize(task.id());
        with.workspaces().checkpoint(task.id(), with.history().lastSeq(task.id()));
    }

    /**
     * Parks the task until the call is decided: the approval is stored and the lease released (the
     * round's earlier changes are in checkpoints already: the worker that resumes restores the copy from
     * there). The loop ends without an outcome.
     */
    private TaskOutcome park(ApprovalNeeded needed) {
        var call = needed.call();
        var request = new ApprovalRequest(
                UUID.randomUUID(),
                needed.iteration(),
                call.id(),
                call.name(),
                call.argumentsJson(),
                Instant.now().plus(with.properties().approvals().timeout()));
        // in a transaction of its own: the deferred events are fenced by the lease the parking releases
        fenced(writes::flush);
        fenced(() -> with.queue().awaitApproval(claimed.lease(), request));
        parked = true;
        log.info("Task {} waits for approval {} of its {} call", task.id(), request.id(), call.name());
        return null;
    }

    /** Stored with the reply's event, after it in the same transaction. */
    private void recordProgress() {
        writes.defer(() -> with.queue()
                .recordProgress(
                        claimed.lease(),
                        state.iterations(),
                        state.usage(),
                        with.properties().leaseDuration()));
    }

    /** The loop's events, each published under the task's lease. */
    private final class FencedEvents implements StepEvents {

        @Override
        public void now(TaskEvent event) {
            fenced(() -> writes.now(() -> publish(event)));
        }

        @Override
        public void later(TaskEvent event) {
            writes.defer(() -> publish(event));
        }

        @Override
        public void alongside(TaskEvent event) {
            fenced(() -> writes.alongside(() -> publish(event)));
        }

        @Override
        public void settle() {
            fenced(writes::settle);
        }

        private void publish(TaskEvent event) {
            claimed.lease().fence().publish(with.events(), event);
        }
    }

    /** A write refused for a lost lease releases the loop before anything else can be written. */
    private void fenced(Runnable write) {
        try {
            write.run();
        } catch (LeaseLostException e) {
            control.release(RunControl.Release.LEASE_LOST);
            throw e;
        }
    }
}
