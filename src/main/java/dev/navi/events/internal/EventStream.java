package dev.navi.events.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client's SSE stream of one task. Whenever woken it sends the events after the last one it sent:
 * those this process committed and handed over, when they follow on from it without a gap, else read
 * from the database, so nothing is skipped or sent twice. It ends after the terminal event.
 */
final class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final UUID taskId;
    private final SseEmitter emitter;
    private final EventStore store;
    private final StreamHub hub;
    private final JsonMapper json;
    private final Duration heartbeatInterval;
    private final Duration reconnectDelay;
    private final int pageSize;
    private final StreamPermits.Permit permit;

    private final ReentrantLock sending = new ReentrantLock();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastSeq;
    private volatile boolean finished;
    private final AtomicLong heard = new AtomicLong();
    private volatile ScheduledFuture<?> heartbeat;
    private final Deque<StoredEvent> handedOver = new ArrayDeque<>();

    EventStream(
            UUID taskId,
            long afterSeq,
            SseEmitter emitter,
            EventStore store,
            StreamHub hub,
            JsonMapper json,
            EventsProperties properties,
            StreamPermits.Permit permit) {
        this.taskId = taskId;
        this.permit = permit;
        this.lastSeq = afterSeq;
        this.emitter = emitter;
        this.store = store;
        this.hub = hub;
        this.json = json;
        this.heartbeatInterval = properties.heartbeatInterval();
        this.reconnectDelay = properties.reconnectDelay();
        this.pageSize = properties.pageSize();
    }

    UUID taskId() {
        return taskId;
    }

    /**
     * Registers the stream and sends what is already stored. The {@code retry:} field goes first, so the
     * response headers leave at once even when nothing is stored yet past the resume point.
     */
    void open() {
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
        if (!send(SseEmitter.event().reconnectTime(reconnectDelay.toMillis()))) {
            return;
        }
        hub.register(this);
        scheduleHeartbeat();
        wake();
    }

    void wake() {
        pending.set(true);
        if (!closed.get()) {
            hub.senders().execute(this::drain);
        }
    }

    /**
     * Wakes the stream for event {@code seq} unless it has already sent it or already heard of it (the
     * local wake-up and the notification of one commit). A stream resumed past the stored end has sent
     * nothing up to its resume point, so it still wakes on every event it hears of: one of them may be
     * the terminal event that ends it.
     */
    void wakeIfBefore(long seq) {
        long before = heard.getAndAccumulate(seq, Math::max);
        if (seq > lastSeq || seq > before) {
            wake();
        }
    }

    /**
     * Events this process committed, in order. Kept until the stream next sends, at most a page of them:
     * past that (a slow client) they are dropped and read from the database instead.
     */
    void handOver(List<StoredEvent> events) {
        synchronized (handedOver) {
            if (handedOver.size() + events.size() > pageSize) {
                handedOver.clear();
            } else {
                handedOver.addAll(events);
            }
        }
        wakeIfBefore(events.getLast().seq());
    }

    /** The events handed over that follow on from the last one sent; empty when there is a gap. */
    private List<StoredEvent> takeHandedOver() {
        synchronized (handedOver) {
            var next = new ArrayList<StoredEvent>(handedOver.size());
            for (var event : handedOver) {
                if (event.seq() <= lastSeq) {
                    continue;
                }
                if (event.seq() != lastSeq + 1 + next.size()) {
                    next.clear();
                    break;
                }
                next.add(event);
            }
            handedOver.clear();
            return next;
        }
    }

    private void drain() {
        if (!sending.tryLock()) {
            return; // the sender holding the lock re-checks `pending` before it leaves
        }
        try {
            while (pending.getAndSet(false) && !closed.get()) {
                try {
                    sendStoredEvents();
                } catch (RuntimeException e) {
                    readAgainLater(e);
                }
            }
        } finally {
            sending.unlock();
        }
        if (pending.get() && !closed.get()) {
            hub.senders().execute(this::drain);
        }
    }

    /**
     * The events could not be read (the database is down, or its pool exhausted): the stream stays open,
     * beating, and reads again after the reconnect delay rather than never again.
     */
    private void readAgainLater(RuntimeException e) {
        log.warn("Stream of task {} could not read its events; reading again in {}", taskId, reconnectDelay, e);
        if (!closed.get()) {
            hub.heartbeats().schedule(this::wake, reconnectDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sendStoredEvents() {
        List<StoredEvent> page = takeHandedOver();
        if (page.isEmpty()) {
            page = store.after(taskId, lastSeq, pageSize);
        }
        if (page.isEmpty() && store.endedAtOrBefore(taskId, lastSeq)) {
            end(); // resumed past the end of a task that has ended since
            return;
        }
        while (!page.isEmpty()) {
            for (var event : page) {
                if (!send(SseEmitter.event()
                        .id(Long.toString(event.seq()))
                        .name(event.type())
                        .data(
                                json.writeValueAsString(event.toWire(json.createObjectNode())),
                                MediaType.APPLICATION_JSON))) {
                    return;
                }
                lastSeq = event.seq();
                if (event.terminal()) {
                    end();
                    return;
                }
            }
            page = page.size() == pageSize ? store.after(taskId, lastSeq, pageSize) : List.of();
        }
        scheduleHeartbeat();
    }

    private void end() {
        finished = true;
        completeQuietly();
        close();
    }

    private void sendHeartbeat() {
        if (closed.get() || !sending.tryLock()) {
            scheduleHeartbeat();
            return;
        }
        try {
            if (send(SseEmitter.event().name("heartbeat").data("{}", MediaType.APPLICATION_JSON))) {
                hub.metrics().heartbeats().increment();
                scheduleHeartbeat();
            }
        } finally {
            sending.unlock();
        }
    }

    private boolean send(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            // the client is gone: the container has already failed the async request and will call
            // onError/onCompletion; completing the emitter from here is not allowed any more
            log.debug("Stream of task {} closed by the client: {}", taskId, e.getMessage());
            close();
            return false;
        }
    }

    private void completeQuietly() {
        try {
            emitter.complete();
        } catch (IllegalStateException e) {
            log.debug("Stream of task {} was already ended by the container: {}", taskId, e.getMessage());
        }
    }

    private void scheduleHeartbeat() {
        var previous = heartbeat;
        if (previous != null) {
            previous.cancel(false);
        }
        if (!closed.get()) {
            heartbeat = hub.heartbeats()
                    .schedule(
                            () -> hub.senders().execute(this::sendHeartbeat),
                            heartbeatInterval.toMillis(),
                            TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The server is stopping: send what is stored (the worker has just ended its tasks), then end the
     * stream so that graceful shutdown does not wait for it.
     */
    void shutdown() {
        sending.lock();
        try {
            if (!closed.get()) {
                sendStoredEvents();
            }
        } catch (RuntimeException e) {
            log.debug("Stream of task {}: could not flush at shutdown", taskId, e);
        } finally {
            sending.unlock();
        }
        completeQuietly();
        close();
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        permit.release();
        var scheduled = heartbeat;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        hub.unregister(this);
        if (!finished) {
            hub.metrics().disconnects().increment();
        }
    }
}
