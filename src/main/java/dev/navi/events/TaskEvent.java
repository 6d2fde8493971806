package dev.navi.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Everything that happens to a task, as a closed set of past-tense records. Publish one with Spring's
 * {@code ApplicationEventPublisher}: it is stored (with the next sequence number of its task) in the
 * publisher's thread and transaction, then sent to live streams once committed.
 */
public sealed interface TaskEvent {

    UUID taskId();

    record TaskQueued(UUID taskId, String owner, String prompt, String model, String workspace) implements TaskEvent {}

    record TaskStarted(UUID taskId, String model, String workerId) implements TaskEvent {}

    /**
     * A worker took over a task whose earlier attempt ended without finishing it (its worker died or
     * handed it back): the conversation is rebuilt from the events up to {@code lastSeq} and the task
     * goes on from there.
     *
     * @param attempt this attempt's number: 2 for the first takeover
     * @param previousWorker the worker of the attempt before, null when unknown
     */
    record TaskResumed(UUID taskId, int attempt, String previousWorker, String workerId, long lastSeq)
            implements TaskEvent {}

    record LlmRequested(UUID taskId, int iteration, String model, int messages) implements TaskEvent {}

    /**
     * A model's reply; {@code costUsd} is null and {@code costKnown} false when the model has no known price.
     * {@code latencyMicros} is {@code latencyMs} to the microsecond (taken from {@code latencyMs} in an
     * event stored before it existed).
     */
    record LlmResponded(
            UUID taskId,
            int iteration,
            String model,
            String text,
            List<RequestedToolCall> toolCalls,
            long inputTokens,
            long outputTokens,
            BigDecimal costUsd,
            boolean costKnown,
            long latencyMs,
            long timeToFirstTokenMs,
            Long latencyMicros)
            implements TaskEvent {

        public LlmResponded {
            toolCalls = List.copyOf(toolCalls);
            latencyMicros = latencyMicros == null ? latencyMs * 1_000 : latencyMicros;
        }
    }

    record RequestedToolCall(String id, String name, String arguments) {}

    /** A failed model call that will be tried again after {@code waitMs}. */
    record LlmRetried(UUID taskId, int iteration, int attempt, String errorClass, String message, long waitMs)
            implements TaskEvent {}

    /** The circuit breaker of a provider and model is open: calls to it fail fast until it half-opens. */
    record LlmCircuitOpen(UUID taskId, int iteration, String provider, String model) implements TaskEvent {}

    /** A model call went to the configured fallback because the circuit of the primary was open. */
    record LlmFallbackUsed(
            UUID taskId, int iteration, String fromProvider, String fromModel, String toProvider, String toModel)
            implements TaskEvent {}

    record ToolCallStarted(UUID taskId, int iteration, String toolCallId, String tool, String arguments)
            implements TaskEvent {}

    /**
     * {@code durationMicros} is {@code durationMs} to the microsecond (taken from {@code durationMs} in an
     * event stored before it existed).
     */
    record ToolCallCompleted(
            UUID taskId,
            int iteration,
            String toolCallId,
            String tool,
            boolean ok,
            String output,
            Integer exitCode,
            long durationMs,
            Long durationMicros)
            implements TaskEvent {

        public ToolCallCompleted {
            durationMicros = durationMicros == null ? durationMs * 1_000 : durationMicros;
        }
    }

    /**
     * A tool call waits for a person's decision; the task is {@code waiting_approval} and no worker holds
     * it until then.
     *
     * @param expiresAt when the call is refused as expired if nobody decided
     */
    record ApprovalRequested(
            UUID taskId,
            UUID approvalId,
            int iteration,
            String toolCallId,
            String tool,
            String arguments,
            java.time.Instant expiresAt)
            implements TaskEvent {}

    /**
     * An approval was decided and the task put back in the queue: the call runs when it was approved,
     * else the model gets the refusal as the call's result.
     *
     * @param decision {@code approve}, {@code deny} or {@code expired}
     * @param by the subject who decided, {@code system} for an expiry
     */
    record ApprovalDecided(UUID taskId, UUID approvalId, String toolCallId, String decision, String reason, String by)
            implements TaskEvent {}

    record TaskSucceeded(UUID taskId, String stopReason, String summary, TaskTotals totals) implements TaskEvent {}

    record TaskFailed(UUID taskId, String stopReason, String errorClass, String message, TaskTotals totals)
            implements TaskEvent {}

    record TaskCancelled(UUID taskId, String stopReason, TaskTotals totals) implements TaskEvent {}

    /**
     * What a task consumed, as of its end.
     *
     * @param costUsd null when {@code costKnown} is false: a call went to a model without a known price
     */
    record TaskTotals(
            int iterations, long inputTokens, long outputTokens, BigDecimal costUsd, boolean costKnown, int llmCalls) {}

    /** The wire name of an event type, e.g. {@code tool.result}. */
    static String typeOf(TaskEvent event) {
        return switch (event) {
            case TaskQueued e -> "task.queued";
            case TaskStarted e -> "task.started";
            case TaskResumed e -> "task.resumed";
            case LlmRequested e -> "llm.request";
            case LlmResponded e -> "llm.response";
            case LlmRetried e -> "llm.retry";
            case LlmCircuitOpen e -> "llm.circuit_open";
            case LlmFallbackUsed e -> "llm.fallback";
            case ToolCallStarted e -> "tool.call";
            case ToolCallCompleted e -> "tool.result";
            case ApprovalRequested e -> "approval.requested";
            case ApprovalDecided e -> "approval.decided";
            case TaskSucceeded e -> "task.succeeded";
            case TaskFailed e -> "task.failed";
            case TaskCancelled e -> "task.cancelled";
        };
    }

    /** The record type of a wire name, e.g. {@code tool.result}; empty for a name no event has. */
    static java.util.Optional<Class<? extends TaskEvent>> typeNamed(String type) {
        return java.util.Optional.ofNullable(
                switch (type) {
                    case "task.queued" -> TaskQueued.class;
                    case "task.started" -> TaskStarted.class;
                    case "task.resumed" -> TaskResumed.class;
                    case "llm.request" -> LlmRequested.class;
                    case "llm.response" -> LlmResponded.class;
                    case "llm.retry" -> LlmRetried.class;
                    case "llm.circuit_open" -> LlmCircuitOpen.class;
                    case "llm.fallback" -> LlmFallbackUsed.class;
                    case "tool.call" -> ToolCallStarted.class;
                    case "tool.result" -> ToolCallCompleted.class;
                    case "approval.requested" -> ApprovalRequested.class;
                    case "approval.decided" -> ApprovalDecided.class;
                    case "task.succeeded" -> TaskSucceeded.class;
                    case "task.failed" -> TaskFailed.class;
                    case "task.cancelled" -> TaskCancelled.class;
                    default -> null;
                });
    }

    /** Whether this is the last event of its task. */
    static boolean isTerminal(String type) {
        return type.equals("task.succeeded") || type.equals("task.failed") || type.equals("task.cancelled");
    }
}
