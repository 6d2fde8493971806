package dev.navi.events.internal;

import dev.navi.events.LeaseLostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events published inside one transaction, stored together: one statement per run of one task's
 * consecutive events under one fence, when the run ends (at the commit, or when the transaction
 * publishes an event of another run), so a step's events cost one round trip and one sequence update,
 * not one each. A refused fence fails the commit with {@link LeaseLostException}: the
 * transaction's other writes are rolled back with the events. Once it has committed, the task's streams
 * in this process are handed its events.
 */
final class EventBatch implements TransactionSynchronization {

    private final Object key;
    private final EventStore store;
    private final StreamHub hub;
    private final List<Run> runs = new ArrayList<>();
    private final List<StoredRun> stored = new ArrayList<>();

    private EventBatch(Object key, EventStore store, StreamHub hub) {
        this.key = key;
        this.store = store;
        this.hub = hub;
    }

    /** A run of consecutive events of one task under one fence (null: unfenced). */
    private record Run(UUID taskId, Long leaseEpoch, List<EventStore.NewEvent> events) {}

    /** A stored run: its events took the sequence numbers up to {@code lastSeq}. */
    private record StoredRun(UUID taskId, long lastSeq, List<EventStore.NewEvent> events) {}

    /**
     * The current transaction's batch, begun on first use; requires an active synchronization. Found
     * among the transaction's synchronizations rather than bound as a resource: a suspended
     * transaction's batch is not the current one.
     */
    static EventBatch current(Object key, EventStore store, StreamHub hub) {
        var batch = existing(key);
        if (batch == null) {
            batch = new EventBatch(key, store, hub);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch;
    }

    /** The current transaction's batch, if it has one. */
    static EventBatch existing(Object key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof EventBatch batch && batch.key == key) {
                return batch;
            }
        }
        return null;
    }

    /**
     * Joins the current run, or stores the runs so far and begins a new one: a run is stored when the
     * transaction publishes an event of another run, or at the commit. So a fenced run is stored before
     * the write that follows it in the transaction can end its lease (a task's final state does).
     */
    void add(UUID taskId, Long leaseEpoch, EventStore.NewEvent event) {
        var last = runs.isEmpty() ? null : runs.getLast();
        if (last != null && last.taskId().equals(taskId) && Objects.equals(last.leaseEpoch(), leaseEpoch)) {
            last.events().add(event);
            return;
        }
        storePending();
        var events = new ArrayList<EventStore.NewEvent>();
        events.add(event);
        runs.add(new Run(taskId, leaseEpoch, events));
    }

    /** Stores what was published so far; later publications in the transaction start a new run. */
    void storePending() {
        for (var run : runs) {
            var seq = store.append(run.taskId(), run.leaseEpoch(), run.events());
            if (seq.isEmpty()) {
                throw new LeaseLostException(
                        run.taskId(),
                        run.leaseEpoch(),
                        "event " + run.events().getFirst().type());
            }
            stored.add(new StoredRun(run.taskId(), seq.getAsLong(), run.events()));
        }
        runs.clear();
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        storePending();
    }

    @Override
    public void afterCommit() {
        stored.forEach(run -> hub.committed(run.taskId(), run.lastSeq(), run.events()));
    }
}
