package dev.navi.agent.internal;

import dev.navi.events.TaskEvent;
import dev.navi.llm.CallObserver;
import dev.navi.llm.LlmErrorClass;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/** Turns what happens inside a model call into the task's events and counts its HTTP attempts. */
final class TaskCallObserver implements CallObserver {

    private final UUID taskId;
    private final IntSupplier iteration;
    private final Runnable attemptMade;
    private final Consumer<TaskEvent> publish;

    TaskCallObserver(UUID taskId, IntSupplier iteration, Runnable attemptMade, Consumer<TaskEvent> publish) {
        this.taskId = taskId;
        this.iteration = iteration;
        this.attemptMade = attemptMade;
        this.publish = publish;
    }

    @Override
    public void onAttempt(String provider, String model, int attempt) {
        attemptMade.run();
    }

    @Override
    public void onRetry(int attempt, LlmErrorClass errorClass, String message, Duration wait) {
        publish.accept(new TaskEvent.LlmRetried(
                taskId, iteration.getAsInt(), attempt, errorClass.wireName(), message, wait.toMillis()));
    }

    @Override
    public void onCircuitOpen(String provider, String model) {
        publish.accept(new TaskEvent.LlmCircuitOpen(taskId, iteration.getAsInt(), provider, model));
    }

    @Override
    public void onFallback(String fromProvider, String fromModel, String toProvider, String toModel) {
        publish.accept(new TaskEvent.LlmFallbackUsed(
                taskId, iteration.getAsInt(), fromProvider, fromModel, toProvider, toModel));
    }
}
