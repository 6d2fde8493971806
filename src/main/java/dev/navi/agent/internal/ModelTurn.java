package dev.navi.agent.internal;

import dev.navi.events.TaskEvent;
import dev.navi.llm.CallContext;
import dev.navi.llm.LlmGateway;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import dev.navi.llm.ToolDefinition;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One request to the model and its reply, each an event: {@code llm.request} stored while the call is
 * made, and before anything else of the loop (a lease lost meanwhile ends the loop once the call is over,
 * its reply unused); {@code llm.response} after the task's progress, both stored with the step's next
 * write (its first {@code tool.call}, or the end).
 */
final class ModelTurn {

    private final UUID taskId;
    private final String model;
    private final LlmGateway llm;
    private final CallContext calls;
    private final String systemPrompt;
    private final List<ToolDefinition> toolDefinitions;
    private final int maxOutputTokens;
    private final StepEvents events;

    ModelTurn(UUID taskId, String model, AgentLoop.Collaborators with, CallContext calls, StepEvents events) {
        this.taskId = taskId;
        this.model = model;
        this.llm = with.llm();
        this.calls = calls;
        this.systemPrompt = with.systemPrompt();
        this.toolDefinitions = with.toolDefinitions();
        this.maxOutputTokens = with.properties().maxOutputTokens();
        this.events = events;
    }

    LlmRequest next(LoopState state) {
        return new LlmRequest(model, systemPrompt, state.messages(), toolDefinitions, maxOutputTokens);
    }

    /** Calls the model; {@code progress} records the state after the reply, before its event. */
    LlmResponse call(LlmRequest request, LoopState state, Runnable progress) throws InterruptedException {
        int iteration = state.iterations() + 1;
        events.alongside(new TaskEvent.LlmRequested(
                taskId, iteration, model, state.messages().size()));
        LlmResponse response;
        try {
            response = llm.complete(request, calls);
        } finally {
            events.settle();
        }
        state.recordResponse(response);
        progress.run();
        events.later(responded(iteration, response));
        return response;
    }

    private TaskEvent.LlmResponded responded(int iteration, LlmResponse response) {
        var toolCalls = response.toolCalls().stream()
                .map(call -> new TaskEvent.RequestedToolCall(call.id(), call.name(), call.argumentsJson()))
                .toList();
        var usage = response.usage();
        return new TaskEvent.LlmResponded(
                taskId,
                iteration,
                model,
                response.text(),
                toolCalls,
                usage.inputTokens(),
                usage.outputTokens(),
                usage.costUsd(),
                usage.costKnown(),
                response.latency().toMillis(),
                response.timeToFirstToken() == null
                        ? 0
                        : response.timeToFirstToken().toMillis(),
                micros(response.latency()));
    }

    static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }
}
