package dev.navi.agent.internal;

import dev.navi.events.EventTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writes of a loop that can wait for its next one that cannot, so that the writes a step makes
 * together commit together: a reply with its progress and its first {@code tool.call}, a tool's result
 * with the next call or request. A write that must be stored before something outside happens (a tool
 * run, a park, the end) is made {@link #now}: it commits with everything deferred before it. A write
 * that only has to be stored before the loop's next one (the request of a model call, which changes
 * nothing outside) is made {@link #alongside} the call. Nothing is sent before it is stored: a deferred
 * event is not streamed before its commit either.
 */
final class StepWrites {

    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<Runnable> deferred = new ArrayList<>();
    private CompletableFuture<Void> alongside;

    StepWrites(TransactionTemplate transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Made with the next write made {@link #now}. */
    void defer(Runnable write) {
        deferred.add(write);
    }

    /** Makes the deferred writes and then {@code write}, in one transaction, after the one made alongside. */
    void now(Runnable write) {
        settle();
        commit(takeDeferred(), write);
    }

    /**
     * Makes the deferred writes and then {@code write}, in one transaction, on a virtual thread of its own
     * while the caller goes on; their events bear the time of this call, as if they were stored now. Every
     * later write waits for it, and {@link #settle} reports how it ended.
     */
    void alongside(Runnable write) {
        settle();
        var at = clock.instant();
        var batch = takeDeferred();
        Map<String, String> context = MDC.getCopyOfContextMap();
        var done = new CompletableFuture<Void>();
        Thread.ofVirtual().name("navi-step-write").start(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                EventTime.at(at, () -> commit(batch, write));
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            } finally {
                MDC.clear();
            }
        });
        alongside = done;
    }

    /**
     * Waits until the write made {@link #alongside} is committed, if there is one; throws what it threw.
     * The wait is not interrupted: it is bounded by one transaction.
     */
    void settle() {
        var pending = alongside;
        if (pending == null) {
            return;
        }
        alongside = null;
        try {
            pending.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw e;
            }
        }
    }

    /** Makes the deferred writes, if any. */
    void flush() {
        now(() -> {});
    }

    private List<Runnable> takeDeferred() {
        var batch = List.copyOf(deferred);
        deferred.clear();
        return batch;
    }

    private void commit(List<Runnable> batch, Runnable write) {
        if (batch.isEmpty()) {
            write.run();
            return;
        }
        transactions.executeWithoutResult(status -> {
            batch.forEach(Runnable::run);
            write.run();
        });
    }
}
