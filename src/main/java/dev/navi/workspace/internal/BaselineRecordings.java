package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baselines of the task copies, each recorded on a virtual thread of its own when it is first
 * waited for: a task that never changes its copy never records one. A recording that succeeded is
 * forgotten at once (nothing is left to wait for); one that failed is kept until the task's copy is
 * deleted or prepared again, so every later wait hears of the failure rather than of a missing copy.
 */
final class BaselineRecordings {

    private static final Logger log = LoggerFactory.getLogger(BaselineRecordings.class);

    /** What a recording runs; it throws what it cannot recover from. */
    @FunctionalInterface
    interface Recording {
        void record() throws Exception;
    }

    private record Running(Thread thread, CompletableFuture<Void> done, AtomicBoolean begun) {

        void begin() {
            if (begun.compareAndSet(false, true)) {
                thread.start();
            }
        }

        /** True when it had not begun: it never will, and every waiter hears it was cancelled. */
        boolean dropIfNotBegun(UUID taskId) {
            if (!begun.compareAndSet(false, true)) {
                return false;
            }
            done.completeExceptionally(new IOException("the copy of task " + taskId + " was replaced or deleted"));
            return true;
        }
    }

    private final Map<UUID, Running> running = new ConcurrentHashMap<>();

    /**
     * Readies the recording of a task's baseline, made by the first {@link #await}. {@code onFailure}
     * cleans up after a failed recording, before any waiter hears of it.
     */
    void register(UUID taskId, Recording recording, Runnable onFailure) {
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
        running.put(taskId, new Running(thread, done, new AtomicBoolean()));
    }

    /**
     * True when the task's baseline is ready to be recorded and nobody has asked for it yet: nothing may
     * change the copy before, so it is as prepared.
     */
    boolean unasked(UUID taskId) {
        var recording = running.get(taskId);
        return recording != null && !recording.begun().get();
    }

    /** Whether a recording of the task's baseline is ready, under way, or failed and kept. */
    boolean known(UUID taskId) {
        return running.containsKey(taskId);
    }

    /** Forgets a recording nobody asked for, which then never runs, and a failed one. */
    void forget(UUID taskId) {
        running.computeIfPresent(taskId, (id, recording) -> {
            if (recording.dropIfNotBegun(taskId) || recording.done().isCompletedExceptionally()) {
                return null;
            }
            return recording;
        });
    }

    /**
     * Records the task's baseline unless that has begun, and waits until it is recorded; returns at once
     * when there is none to record.
     *
     * @throws InterruptedException when the waiting thread is interrupted: the recording goes on
     * @throws WorkspaceException UNAVAILABLE when the recording failed
     */
    void await(UUID taskId) throws InterruptedException {
        var recording = running.get(taskId);
        if (recording == null) {
            return;
        }
        recording.begin();
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

    /**
     * Stops the task's recording, if any, and waits until it has ended; its failure is forgotten. One
     * that had not begun never will.
     */
    void cancel(UUID taskId) {
        var recording = running.remove(taskId);
        if (recording == null || recording.dropIfNotBegun(taskId)) {
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
