package dev.navi.agent.internal;

import dev.navi.events.TaskEvent;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.ToolCall;
import dev.navi.tasks.Task;
import dev.navi.tools.ToolBox;
import dev.navi.tools.ToolOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the tool calls of one model reply in order, with a {@code tool.call} and a {@code tool.result}
 * each. A round an earlier attempt of the task left unfinished goes on where it ended: a call with a
 * stored result is not run again, one in flight is run again when it cannot change files, else it is
 * reported to the model as interrupted. A call the task's approval mode holds back stops the round
 * ({@link ApprovalNeeded}) until it is decided: once approved it runs, once denied or expired the model
 * gets the refusal as its result. A call that can change files is checkpointed after it ran and before
 * its result is stored, so a stored result always has its change in a checkpoint. The {@code tool.call}
 * of a tool that can change files is stored before it runs; a read-only tool's call is stored with its
 * result (running it again after a crash changes nothing). A result is stored with the next event (the
 * next call, the next model request, or the end), except a command's, whose audit record follows its
 * stored result. No call that can change files runs before the copy's baseline is recorded.
 */
final class ToolRound {

    static final String INTERRUPTED = "interrupted by a worker restart; the workspace may not reflect this call";

    private final Task task;
    private final UUID taskId;
    private final ToolBox tools;
    private final CommandAudit audit;
    private final StepEvents events;
    private final ApprovalPolicy approvals;
    private final Runnable checkpoint;
    private final BaselineWait baseline;
    private boolean copyTouched;

    ToolRound(
            Task task,
            ToolBox tools,
            CommandAudit audit,
            ApprovalPolicy approvals,
            StepEvents events,
            Runnable checkpoint,
            BaselineWait baseline) {
        this.task = task;
        this.checkpoint = checkpoint;
        this.baseline = baseline;
        this.approvals = approvals;
        this.taskId = task.id();
        this.tools = tools;
        this.audit = audit;
        this.events = events;
    }

    /** Whether a call that can change files has been run (or begun) by this round's loop. */
    boolean copyTouched() {
        return copyTouched;
    }

    /** The results to give back to the model, one per call, errors included. */
    List<LlmMessage.ToolResult> run(Path root, int iteration, List<ToolCall> calls) throws InterruptedException {
        return resume(root, new Resumption.UnfinishedRound(iteration, calls, Map.of(), Set.of(), Map.of()));
    }

    /**
     * The results of a round begun by an earlier attempt: stored ones as they are, the others now.
     *
     * @throws ApprovalNeeded at the first call that waits for an approval not yet decided
     */
    List<LlmMessage.ToolResult> resume(Path root, Resumption.UnfinishedRound round) throws InterruptedException {
        var results = new ArrayList<LlmMessage.ToolResult>();
        for (var call : round.calls()) {
            var stored = round.done().get(call.id());
            if (stored != null) {
                results.add(stored);
            } else if (round.started().contains(call.id()) && tools.changesFiles(call.name())) {
                results.add(reportInterrupted(round.iteration(), call));
            } else if (approvals.needsApproval(task.approvals(), call)) {
                var decision = round.decisions().get(call.id());
                if (decision == null) {
                    throw new ApprovalNeeded(call, round.iteration());
                }
                results.add(
                        decision.decision().equals("approve")
                                ? runOne(root, round.iteration(), call)
                                : reportRefused(round.iteration(), call, decision));
            } else {
                results.add(runOne(root, round.iteration(), call));
            }
        }
        return results;
    }

    /** What the model is told of a call that was denied or whose approval expired. */
    static String refusal(TaskEvent.ApprovalDecided decision) {
        var reason = decision.reason() == null || decision.reason().isBlank() ? "no reason given" : decision.reason();
        return "denied by " + decision.by() + ": " + reason;
    }

    private LlmMessage.ToolResult reportRefused(int iteration, ToolCall call, TaskEvent.ApprovalDecided decision) {
        var output = refusal(decision);
        events.later(
                new TaskEvent.ToolCallCompleted(taskId, iteration, call.id(), call.name(), false, output, null, 0, 0L));
        return new LlmMessage.ToolResult(call.id(), output, true);
    }

    /** The result given to the model for a call that may have changed files and whose result was lost. */
    static LlmMessage.ToolResult interrupted(String toolCallId) {
        return new LlmMessage.ToolResult(toolCallId, INTERRUPTED, true);
    }

    private LlmMessage.ToolResult reportInterrupted(int iteration, ToolCall call) {
        events.later(new TaskEvent.ToolCallCompleted(
                taskId, iteration, call.id(), call.name(), false, INTERRUPTED, null, 0, 0L));
        return interrupted(call.id());
    }

    private LlmMessage.ToolResult runOne(Path root, int iteration, ToolCall call) throws InterruptedException {
        var started = new TaskEvent.ToolCallStarted(taskId, iteration, call.id(), call.name(), call.argumentsJson());
        boolean changesFiles = tools.changesFiles(call.name());
        if (changesFiles) {
            if (!copyTouched) {
                baseline.await(); // read-only calls may read the copy while its baseline is recorded
            }
            events.now(started);
            copyTouched = true;
        } else {
            events.later(started);
        }
        var outcome = execute(root, call);
        if (changesFiles) {
            checkpoint.run();
        }
        boolean ok = ok(outcome);
        var result = new TaskEvent.ToolCallCompleted(
                taskId,
                iteration,
                call.id(),
                call.name(),
                ok,
                outcome.output(),
                exitCode(outcome),
                outcome.duration().toMillis(),
                ModelTurn.micros(outcome.duration()));
        if (call.name().equals(CommandAudit.RUN_COMMAND)) {
            events.now(result);
            // after the event that it ran, before the model sees its result: a failed record ends the task
            audit.ran(task, call.argumentsJson(), outcome);
        } else {
            events.later(result);
        }
        return new LlmMessage.ToolResult(call.id(), outcome.output(), !ok);
    }

    private ToolOutcome execute(Path root, ToolCall call) throws InterruptedException {
        try {
            return tools.execute(root, call.name(), call.argumentsJson());
        } catch (InterruptedException e) {
            if (call.name().equals(CommandAudit.RUN_COMMAND)) {
                Thread.interrupted(); // the record is written in full; the stop goes on below
                audit.interrupted(task, call.argumentsJson());
            }
            throw e;
        }
    }

    private static boolean ok(ToolOutcome outcome) {
        return switch (outcome) {
            case ToolOutcome.Succeeded s -> true;
            case ToolOutcome.Failed f -> false;
        };
    }

    private static Integer exitCode(ToolOutcome outcome) {
        return switch (outcome) {
            case ToolOutcome.Succeeded s -> s.exitCode();
            case ToolOutcome.Failed f -> f.exitCode();
        };
    }
}
