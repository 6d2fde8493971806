package dev.navi.llm;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the calls of one task share: the retries already spent from the task's retry budget, and the
 * observer that turns what happens into the task's events. Create one per task.
 */
public final class CallContext {

    private final CallObserver observer;
    private final AtomicInteger retriesUsed = new AtomicInteger();

    public CallContext(CallObserver observer) {
        this.observer = observer;
    }

    /** A context for a single call outside any task: nothing is observed. */
    public static CallContext standalone() {
        return new CallContext(CallObserver.NONE);
    }

    public CallObserver observer() {
        return observer;
    }

    /** Retries spent so far by all calls made with this context. */
    public int retriesUsed() {
        return retriesUsed.get();
    }

    /** Spends one retry if fewer than {@code budget} were spent; false when the budget is gone. */
    public boolean tryTakeRetry(int budget) {
        return retriesUsed.getAndUpdate(used -> used < budget ? used + 1 : used) < budget;
    }
}
