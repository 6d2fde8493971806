package dev.navi.events.internal;

import dev.navi.events.EventFence;
import dev.navi.events.EventTime;
import dev.navi.events.LeaseLostException;
import dev.navi.events.TaskEvent;
import dev.navi.redaction.Redactor;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores every published {@link TaskEvent}, in the publisher's thread, so the per-task order is the
 * publication order and an event is durable before anyone sees it. Outside a transaction it is stored at
 * once; inside one it joins the transaction's {@link EventBatch}, stored just before the commit, and
 * the other listeners of task events hear of it after the commit. The task's live streams in this process
 * are handed it once it is committed; other replicas' streams are woken by the notification stored with it. Secrets are
 * redacted before the event is stored: every reader (stream, page, metrics) sees the redacted event only.
 */
@Component
class EventRecorder {

    private final EventStore store;
    private final StreamHub hub;
    private final JsonMapper json;
    private final Clock clock;
    private final Redactor redactor;

    EventRecorder(EventStore store, StreamHub hub, JsonMapper json, Clock clock, Redactor redactor) {
        this.store = store;
        this.hub = hub;
        this.json = json;
        this.clock = clock;
        this.redactor = redactor;
    }

    /**
     * Runs before every other listener of task events: an event refused by its {@link EventFence}
     * throws here (or, inside a transaction, fails its commit), so no listener (log, metrics) sees an
     * event that was not stored.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(TaskEvent event) {
        ObjectNode data = json.valueToTree(event);
        data.remove("taskId");
        RedactedJson.redact(data, redactor);
        // to the microsecond, as the column keeps it: an event handed to a stream from memory has the stored time
        var ts = EventTime.bound().orElseGet(clock::instant).truncatedTo(ChronoUnit.MICROS);
        var stored = new EventStore.NewEvent(TaskEvent.typeOf(event), ts, data);
        var epoch =
                EventFence.current(event.taskId()).map(EventFence::leaseEpoch).orElse(null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            EventBatch.current(this, store, hub).add(event.taskId(), epoch, stored);
            return;
        }
        var seq = store.append(event.taskId(), epoch, List.of(stored))
                .orElseThrow(() -> new LeaseLostException(event.taskId(), epoch, "event " + stored.type()));
        hub.committed(event.taskId(), seq, List.of(stored));
    }

    /** Stores what the current transaction has published so far, so that it can read its own events. */
    void flushCurrentTransaction() {
        var batch = EventBatch.existing(this);
        if (batch != null) {
            batch.storePending();
        }
    }
}
