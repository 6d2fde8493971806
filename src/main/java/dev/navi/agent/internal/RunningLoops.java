package dev.navi.agent.internal;

import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The loops one worker runs, and its room for more. A claimer takes a slot before it claims and gives
 * it back when it claimed nothing, its claim did not commit, or the loop ended, so that the worker never
 * runs more than its capacity. Slots are counted without a lock: a submission's claim holds a pooled
 * connection while it claims, and a lock there would let claimers that wait for a connection (the
 * worker's own) hold up the ones that have one. A loop's lease is renewed only once it has started.
 */
final class RunningLoops {

    /** A loop of this worker, under the lease it was claimed with. */
    record Running(RunControl control, Lease lease) {}

    private final Map<UUID, Running> loops = new ConcurrentHashMap<>();
    private final AtomicInteger taken = new AtomicInteger();
    private final int capacity;

    RunningLoops(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Runs {@code claim} in a slot of its own when there is room; null when there is none. A claim that
     * returns null, or fails, gives its slot back; one that returns a loop keeps it until {@link #remove}.
     */
    <T> T claimIfRoom(Supplier<T> claim) {
        if (!takeSlot()) {
            return null;
        }
        T claimed = null;
        try {
            claimed = claim.get();
            return claimed;
        } finally {
            if (claimed == null) {
                taken.decrementAndGet();
            }
        }
    }

    private boolean takeSlot() {
        int now;
        do {
            now = taken.get();
            if (now >= capacity) {
                return false;
            }
        } while (!taken.compareAndSet(now, now + 1));
        return true;
    }

    /** The claimed task's loop, in its place; this worker's own earlier loop of the task lost its lease. */
    Running add(ClaimedTask claimed) {
        var loop = new Running(new RunControl(), claimed.lease());
        var earlier = loops.put(claimed.task().id(), loop);
        if (earlier != null) {
            earlier.control().release(RunControl.Release.LEASE_LOST);
        }
        return loop;
    }

    /** The loop's run is over, or its claim did not commit: its slot is free again. */
    void remove(UUID taskId, Running loop) {
        loops.remove(taskId, loop);
        taken.decrementAndGet();
    }

    Running get(UUID taskId) {
        return loops.get(taskId);
    }

    boolean contains(UUID taskId) {
        return loops.containsKey(taskId);
    }

    Set<UUID> taskIds() {
        return loops.keySet();
    }

    /** The loops whose claim has committed: a claim not committed yet holds no lease to renew. */
    List<Running> started() {
        return loops.values().stream()
                .filter(loop -> loop.control().hasStarted())
                .toList();
    }

    /** Releases every loop, then waits up to {@code grace} in all for their runs to end. */
    void releaseAll(RunControl.Release why, Duration grace) {
        loops.values().forEach(loop -> loop.control().release(why));
        var deadline = Instant.now().plus(grace);
        for (var loop : loops.values()) {
            loop.control().awaitEnd(Duration.between(Instant.now(), deadline));
        }
    }
}
