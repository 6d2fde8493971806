package dev.navi.events.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live streams of this process, by task. Streams hold no thread while idle: sends run on virtual
 * threads when an event is committed, heartbeats on one shared scheduler.
 */
@Component
class StreamHub implements SmartLifecycle {

    private final Map<UUID, Set<EventStream>> streams = new ConcurrentHashMap<>();
    private volatile ExecutorService senders = newSenders();
    private volatile ScheduledExecutorService heartbeats = newHeartbeats();
    private final AtomicInteger open = new AtomicInteger();
    private final StreamMetrics metrics;
    private volatile boolean running;

    StreamHub(MeterRegistry registry) {
        registry.gauge("navi.sse.streams.open", open);
        this.metrics = new StreamMetrics(
                Counter.builder("navi.sse.heartbeats")
                        .description("Heartbeat events sent on idle streams")
                        .register(registry),
                Counter.builder("navi.sse.disconnects")
                        .description("Streams closed before their task ended (client gone, timeout, error)")
                        .register(registry));
    }

    void register(EventStream stream) {
        streams.computeIfAbsent(stream.taskId(), id -> ConcurrentHashMap.newKeySet())
                .add(stream);
        open.incrementAndGet();
    }

    void unregister(EventStream stream) {
        var forTask = streams.get(stream.taskId());
        if (forTask != null && forTask.remove(stream)) {
            open.decrementAndGet();
            streams.computeIfPresent(stream.taskId(), (id, set) -> set.isEmpty() ? null : set);
        }
    }

    /** New events of this task are committed: every stream of it catches up. */
    void wake(UUID taskId) {
        var forTask = streams.get(taskId);
        if (forTask != null) {
            forTask.forEach(EventStream::wake);
        }
    }

    /**
     * These events of this task are committed in this process, the last one as {@code lastSeq}: every
     * stream of it is handed them, in the form a read of them would give, and sends them without reading.
     */
    void committed(UUID taskId, long lastSeq, List<EventStore.NewEvent> events) {
        var forTask = streams.get(taskId);
        if (forTask == null) {
            return;
        }
        var first = lastSeq - events.size() + 1;
        var handed = new ArrayList<StoredEvent>(events.size());
        for (var i = 0; i < events.size(); i++) {
            var event = events.get(i);
            handed.add(new StoredEvent(taskId, first + i, event.type(), event.ts(), StoredForm.of(event.data())));
        }
        forTask.forEach(stream -> stream.handOver(handed));
    }

    /**
     * Event {@code seq} of this task is committed (heard from the database): the streams of it that have
     * not sent it yet catch up.
     */
    void wake(UUID taskId, long seq) {
        var forTask = streams.get(taskId);
        if (forTask != null) {
            forTask.forEach(stream -> stream.wakeIfBefore(seq));
        }
    }

    /** Anything may have been committed unheard: every stream re-reads from its last event. */
    void wakeAll() {
        streams.values().forEach(set -> set.forEach(EventStream::wake));
    }

    int openStreams() {
        return open.get();
    }

    ExecutorService senders() {
        return senders;
    }

    ScheduledExecutorService heartbeats() {
        return heartbeats;
    }

    StreamMetrics metrics() {
        return metrics;
    }

    /** Starts again after a stop (a paused and resumed context) with fresh executors. */
    @Override
    public void start() {
        if (senders.isShutdown()) {
            senders = newSenders();
        }
        if (heartbeats.isShutdown()) {
            heartbeats = newHeartbeats();
        }
        running = true;
    }

    private static ExecutorService newSenders() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    private static ScheduledExecutorService newHeartbeats() {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("navi-heartbeats").factory());
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise wait for
     * them; clients reconnect (to another replica) with {@code Last-Event-ID} and lose nothing.
     */
    @Override
    public void stop() {
        running = false;
        streams.values().forEach(set -> set.forEach(EventStream::shutdown));
        heartbeats.shutdownNow();
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the worker (which stops first), before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    record StreamMetrics(Counter heartbeats, Counter disconnects) {}
}
