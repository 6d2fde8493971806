package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baselines being recorded, each on a virtual thread of its own, so that a task's first model call
 * need not wait for one. A recording that succeeded is forgotten at once (nothing is left to wait for);
 * one that failed is kept until the task's copy is deleted or prepared again, so every later wait hears
 * of the failure rather than of a missing copy.
 */
final class BaselineRecordings {

    private static final Logger log = LoggerFactory.getLogger(BaselineRecordings.class);

    /** What a recording runs; it throws what it cannot recover from. */
    @FunctionalInterface
    interface Recording {
        void record() throws Exception;
    }

    private record Running(Thread thread, CompletableFuture<Void> done) {}

    private final Map<UUID, Running> running = new ConcurrentHashMap<>();

    /**
     * Starts recording the baseline of a task. {@code onFailure} cleans up after a failed recording,
     * before any waiter hears of it.
     */
    void start(UUID taskId, Recording recording, Runnable onFailure) {
        var done = new CompletableFuture<Void>();
        var thread = Thread.ofVirtual().name("navi-baseline-" + taskId).unstarted(() -> {
            try {
                recording.record();
                running.computeIfPresent(taskId, (id, current) -> current.done() == done ? null : current);
                done.complete(null);
            } catch (Exception e) {
                var current = running.get(taskId);
                if (current != null && current.done() == done) { // not cancelled
                    log.warn("Cannot record the baseline of task {}", taskId, e);
                }
                onFailure.run();
                done.completeExceptionally(e);
            }
        });
        running.put(taskId, new Running(thread, done));
        thread.start();
    }

    /**
     * Waits until the task's baseline is recorded; returns at once when none is being recorded.
     *
     * @throws InterruptedException when the waiting thread is interrupted: the recording goes on
     * @throws WorkspaceException UNAVAILABLE when the recording failed
     */
    void await(UUID taskId) throws InterruptedException {
        var recording = running.get(taskId);
        if (recording == null) {
            return;
        }
        try {
            recording.done().get();
        } catch (ExecutionException e) {
            throw failed(taskId, e.getCause());
        }
    }

    /** Like {@link #await}, for callers that cannot be interrupted: an interrupt is kept for later. */
    void awaitUninterruptibly(UUID taskId) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    await(taskId);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the task's recording, if any, and waits until it has ended; its failure is forgotten. */
    void cancel(UUID taskId) {
        var recording = running.remove(taskId);
        if (recording == null) {
            return;
        }
        recording.thread().interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                recording.thread().join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static WorkspaceException failed(UUID taskId, Throwable cause) {
        return new WorkspaceException(
                Reason.UNAVAILABLE,
                "Cannot record the baseline of the workspace of task " + taskId + ": " + cause.getMessage(),
                cause);
    }
}
