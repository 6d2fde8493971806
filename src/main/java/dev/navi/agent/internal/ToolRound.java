package dev.navi.agent.internal;

import dev.navi.events.TaskEvent;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.ToolCall;
import dev.navi.tools.ToolBox;
import dev.navi.tools.ToolOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Runs the tool calls of one model reply in order, with a {@code tool.call} and a {@code tool.result} each. */
final class ToolRound {

    private final UUID taskId;
    private final ToolBox tools;
    private final Consumer<TaskEvent> publish;

    ToolRound(UUID taskId, ToolBox tools, Consumer<TaskEvent> publish) {
        this.taskId = taskId;
        this.tools = tools;
        this.publish = publish;
    }

    /** Whether any of these calls could have changed the workspace's files. */
    boolean changesFiles(List<ToolCall> calls) {
        return calls.stream().anyMatch(call -> tools.changesFiles(call.name()));
    }

    /** The results to give back to the model, one per call, errors included. */
    List<LlmMessage.ToolResult> run(Path root, int iteration, List<ToolCall> calls) throws InterruptedException {
        var results = new ArrayList<LlmMessage.ToolResult>();
        for (var call : calls) {
            publish.accept(
                    new TaskEvent.ToolCallStarted(taskId, iteration, call.id(), call.name(), call.argumentsJson()));
            var outcome = tools.execute(root, call.name(), call.argumentsJson());
            boolean ok = ok(outcome);
            publish.accept(new TaskEvent.ToolCallCompleted(
                    taskId,
                    iteration,
                    call.id(),
                    call.name(),
                    ok,
                    outcome.output(),
                    exitCode(outcome),
                    outcome.duration().toMillis()));
            results.add(new LlmMessage.ToolResult(call.id(), outcome.output(), !ok));
        }
        return results;
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
