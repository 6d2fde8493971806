package dev.navi.agent.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writes of a loop that can wait for its next one that cannot, so that the writes a step makes
 * together commit together: a reply with its progress and its first {@code tool.call}, a tool's result
 * with the next call or request. A write that must be stored before something outside happens (a model
 * call, a tool run, a park, the end) is made {@link #now}: it commits with everything deferred before it.
 * Nothing is sent before it is stored: a deferred event is not streamed before its commit either.
 */
final class StepWrites {

    private final TransactionTemplate transactions;
    private final List<Runnable> deferred = new ArrayList<>();

    StepWrites(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** Made with the next write made {@link #now}. */
    void defer(Runnable write) {
        deferred.add(write);
    }

    /** Makes the deferred writes and then {@code write}, in one transaction. */
    void now(Runnable write) {
        if (deferred.isEmpty()) {
            write.run();
            return;
        }
        var batch = List.copyOf(deferred);
        deferred.clear();
        transactions.executeWithoutResult(status -> {
            batch.forEach(Runnable::run);
            write.run();
        });
    }

    /** Makes the deferred writes, if any. */
    void flush() {
        now(() -> {});
    }
}
