package dev.navi.events.internal;

import dev.navi.events.EventFence;
import dev.navi.events.LeaseLostException;
import dev.navi.events.TaskEvent;
import dev.navi.redaction.Redactor;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores every published {@link TaskEvent} synchronously, in the publisher's thread, so the per-task
 * order is the publication order and an event is durable before anyone sees it; then wakes the
 * task's live streams in this process once the transaction (if any) has committed. Other replicas' streams
 * are woken by the notification the store sends with the event ({@link Notifications}). Secrets are redacted before the event
 * is stored: every reader (stream, page, metrics) sees the redacted event only.
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
     * throws here, so no listener (log, metrics) sees an event that was not stored.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(TaskEvent event) {
        ObjectNode data = json.valueToTree(event);
        data.remove("taskId");
        RedactedJson.redact(data, redactor);
        var type = TaskEvent.typeOf(event);
        var fence = EventFence.current(event.taskId());
        long seq;
        if (fence.isPresent()) {
            var epoch = fence.get().leaseEpoch();
            seq = store.appendFenced(event.taskId(), epoch, type, clock.instant(), data)
                    .orElseThrow(() -> new LeaseLostException(event.taskId(), epoch, "event " + type));
        } else {
            seq = store.append(event.taskId(), type, clock.instant(), data);
        }
        afterCommit(() -> hub.wake(event.taskId(), seq));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
