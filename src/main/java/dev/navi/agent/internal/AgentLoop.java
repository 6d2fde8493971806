package dev.navi.agent.internal;

import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditWriteException;
import dev.navi.events.TaskEvent;
import dev.navi.llm.CallContext;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmGateway;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import dev.navi.llm.ToolDefinition;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskError;
import dev.navi.tasks.TaskOutcome;
import dev.navi.tasks.TaskQueue;
import dev.navi.tools.ToolBox;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.Workspaces;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The bounded tool loop of one task: ask the model, run the tools it calls, give it the results, and
 * repeat until it answers without tool calls or a limit stops it. Never throws: every ending is a
 * {@link TaskOutcome}.
 */
final class AgentLoop {

    private static final Logger log = LoggerFactory.getLogger(AgentLoop.class);

    private final Task task;
    private final RunControl control;
    private final Collaborators with;
    private final LoopState state;
    private final String model;
    private final CallContext calls;
    private final ToolRound tools;

    AgentLoop(Task task, RunControl control, Collaborators with) {
        this.task = task;
        this.control = control;
        this.with = with;
        this.state = new LoopState(task.prompt());
        this.model = task.model() != null ? task.model() : with.llm().defaultModel();
        this.tools = new ToolRound(task, with.tools(), new CommandAudit(with.audit()), this::publish);
        this.calls = new CallContext(
                new TaskCallObserver(task.id(), () -> state.iterations() + 1, state::recordAttempt, this::publish));
    }

    /** What the loop needs, shared by all loops of a worker. */
    record Collaborators(
            LlmGateway llm,
            ToolBox tools,
            AuditLog audit,
            Workspaces workspaces,
            TaskQueue queue,
            ApplicationEventPublisher events,
            AgentProperties properties,
            String systemPrompt,
            List<ToolDefinition> toolDefinitions) {}

    TaskOutcome run() {
        Path root = null;
        try {
            root = with.workspaces().prepare(task.id(), task.tenant(), task.workspace());
            return loop(root);
        } catch (WorkspaceException e) {
            return workspaceFailed(e, root);
        } catch (LlmException e) {
            var reason = control.stopReason();
            if (reason != null) {
                return stopped(reason, root);
            }
            return failed(StopReason.LLM_ERROR, new TaskError(e.errorClass().wireName(), e.getMessage()), root);
        } catch (InterruptedException e) {
            return stopped(control.stopReason() == null ? StopReason.CANCELLED : control.stopReason(), root);
        } catch (AuditWriteException e) {
            // whatever else happened, a command ran without its audit record: that is why the task ends
            log.error("Task {} stopped: a command's audit record could not be written", task.id(), e);
            return failed(
                    StopReason.INTERNAL_ERROR,
                    new TaskError("audit_write_failed", "A command ran but its audit record could not be written"),
                    root);
        } catch (RuntimeException e) {
            if (control.stopReason() != null) {
                return stopped(control.stopReason(), root);
            }
            log.error("Task {} failed unexpectedly", task.id(), e);
            return failed(StopReason.INTERNAL_ERROR, new TaskError("internal_error", e.toString()), root);
        }
    }

    private TaskOutcome workspaceFailed(WorkspaceException e, Path root) {
        if (control.stopReason() != null) {
            // a cancel or the wall clock interrupted the copy or clone: that is why it failed
            return stopped(control.stopReason(), null);
        }
        var reason = WorkspaceFailures.stopReason(e);
        // a copy past its cap is not staged for a diff: that would copy its bytes once more
        var diffable = reason == StopReason.WORKSPACE_TOO_LARGE ? null : root;
        return failed(reason, new TaskError(reason.wireName(), e.getMessage()), diffable);
    }

    private TaskOutcome loop(Path root) throws InterruptedException {
        var limits = task.limits();
        while (true) {
            if (control.stopReason() != null) {
                return stopped(control.stopReason(), root);
            }
            if (state.iterations() >= limits.maxIterations()) {
                return failed(
                        StopReason.MAX_ITERATIONS,
                        new TaskError("max_iterations", "Stopped after " + limits.maxIterations() + " iterations"),
                        root);
            }
            if (state.budgetExhausted(limits)) {
                return failed(StopReason.BUDGET_EXHAUSTED, BudgetErrors.spent(state.usage(), limits), root);
            }
            var request = nextRequest();
            var worstCase = with.llm().worstCase(request);
            if (state.wouldCross(worstCase, limits)) {
                return failed(
                        StopReason.BUDGET_EXHAUSTED, BudgetErrors.wouldCross(worstCase, state.usage(), limits), root);
            }
            var response = callModel(request);
            if (response.toolCalls().isEmpty()) {
                return new TaskOutcome(
                        StopReason.COMPLETED, response.text(), null, state.iterations(), state.usage(), diff(root));
            }
            state.recordToolResults(tools.run(root, state.iterations(), response.toolCalls()));
            if (tools.changesFiles(response.toolCalls())) {
                with.workspaces().checkSize(task.id()); // walks the whole copy: not after read-only rounds
                with.workspaces().checkpoint(task.id());
            }
        }
    }

    private LlmRequest nextRequest() {
        return new LlmRequest(
                model,
                with.systemPrompt(),
                state.messages(),
                with.toolDefinitions(),
                with.properties().maxOutputTokens());
    }

    private LlmResponse callModel(LlmRequest request) throws InterruptedException {
        int iteration = state.iterations() + 1;
        publish(new TaskEvent.LlmRequested(
                task.id(), iteration, model, state.messages().size()));
        var response = with.llm().complete(request, calls);
        state.recordResponse(response);
        with.queue()
                .recordProgress(
                        task.id(),
                        state.iterations(),
                        state.usage(),
                        with.properties().leaseDuration());
        publish(responded(iteration, response));
        return response;
    }

    private TaskEvent.LlmResponded responded(int iteration, LlmResponse response) {
        var calls = response.toolCalls().stream()
                .map(call -> new TaskEvent.RequestedToolCall(call.id(), call.name(), call.argumentsJson()))
                .toList();
        return new TaskEvent.LlmResponded(
                task.id(),
                iteration,
                model,
                response.text(),
                calls,
                response.usage().inputTokens(),
                response.usage().outputTokens(),
                response.usage().costUsd(),
                response.usage().costKnown(),
                response.latency().toMillis(),
                response.timeToFirstToken() == null
                        ? 0
                        : response.timeToFirstToken().toMillis());
    }

    private TaskOutcome stopped(StopReason reason, Path root) {
        Thread.interrupted(); // the stop was the interrupt's purpose; finishing must not be interrupted
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
            case INTERNAL_ERROR ->
                failed(reason, new TaskError("worker_stopped", "NAVI was stopping while the task ran"), root);
            case COMPLETED, MAX_ITERATIONS, BUDGET_EXHAUSTED, LLM_ERROR, WORKSPACE_UNAVAILABLE, WORKSPACE_TOO_LARGE ->
                failed(reason, new TaskError(reason.wireName(), reason.wireName()), root);
        };
    }

    private TaskOutcome failed(StopReason reason, TaskError error, Path root) {
        Thread.interrupted();
        return new TaskOutcome(reason, null, error, state.iterations(), state.usage(), diff(root));
    }

    /** A diff that cannot be computed is stored as a note saying so, never as an empty diff. */
    private String diff(Path root) {
        if (root == null) {
            return null;
        }
        try {
            return with.workspaces().finalDiff(task.id());
        } catch (RuntimeException e) {
            log.warn("Task {}: cannot compute its diff", task.id(), e);
            return "# NAVI: the diff could not be computed: "
                    + String.valueOf(e.getMessage()).replace('\n', ' ') + "\n";
        }
    }

    private void publish(TaskEvent event) {
        with.events().publishEvent(event);
    }
}
