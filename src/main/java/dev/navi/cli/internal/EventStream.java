package dev.navi.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Follows one task's SSE stream to its terminal event. A dropped connection is resumed with
 * {@code Last-Event-ID} (the last seq delivered), so the listener sees every event exactly once, in
 * order, whatever the network does; {@link Listener#reconnecting} says when that happens.
 */
public final class EventStream {

    /** What the stream delivers; called on the thread that runs {@link #follow()}. */
    public interface Listener {
        void onEvent(StreamEvent event);

        default void onHeartbeat() {}

        default void connected(long afterSeq) {}

        default void reconnecting(int attempt, String reason) {}
    }

    /** How following ended. */
    public enum End {
        /** The terminal event arrived (or the task had already ended before {@code afterSeq}). */
        TERMINAL,
        /** The connection kept failing past {@code maxReconnects}. */
        GAVE_UP
    }

    /** Three heartbeat intervals of silence: the connection is dead even if TCP has not noticed. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(35);

    private final NaviClient client;
    private final String taskId;
    private final Listener listener;
    private final int maxReconnects;
    private final Duration reconnectDelay;
    private final Duration idleTimeout;
    private volatile long lastSeq;
    private volatile boolean terminalSeen;

    public EventStream(NaviClient client, String taskId, long afterSeq, Listener listener) {
        this(client, taskId, afterSeq, listener, 20, Duration.ofSeconds(1), DEFAULT_IDLE_TIMEOUT);
    }

    public EventStream(
            NaviClient client,
            String taskId,
            long afterSeq,
            Listener listener,
            int maxReconnects,
            Duration delay,
            Duration idleTimeout) {
        this.client = client;
        this.taskId = taskId;
        this.lastSeq = afterSeq;
        this.listener = listener;
        this.maxReconnects = maxReconnects;
        this.reconnectDelay = delay;
        this.idleTimeout = idleTimeout;
    }

    /** The seq of the last event delivered (the {@code Last-Event-ID} of a resume). */
    public long lastSeq() {
        return lastSeq;
    }

    /** Blocks until the terminal event (or a 204: nothing left) or until reconnecting stops helping. */
    public End follow() {
        var failures = 0;
        while (true) {
            try {
                if (readOnce()) {
                    return End.TERMINAL;
                }
                failures = 0; // a stream that ended cleanly before the terminal event: resume at once
                listener.reconnecting(1, "the stream ended before the task did");
            } catch (NaviUnreachableException | IOException e) {
                if (++failures > maxReconnects) {
                    return End.GAVE_UP;
                }
                listener.reconnecting(failures, e.getMessage());
                pause(failures);
            } catch (NaviApiException e) {
                // a NAVI starting, stopping or behind a proxy that lost it answers 5xx: it comes back
                if (e.status() < 500 || ++failures > maxReconnects) {
                    throw e;
                }
                listener.reconnecting(failures, e.getMessage());
                pause(failures);
            }
        }
    }

    /** One connection; true when the task's end was reached. */
    private boolean readOnce() throws IOException {
        var response = client.openEventStream(taskId, lastSeq);
        if (response.statusCode() == 204) {
            response.body().close();
            return true;
        }
        listener.connected(lastSeq);
        var body = new IdleWatchdog(response.body(), idleTimeout);
        try (body;
                var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (SseFrames.read(reader, frame -> !dispatch(frame))) {
                return true;
            }
        }
        return terminalSeen;
    }

    /** True at the terminal event. */
    private boolean dispatch(SseFrames.Frame frame) {
        if (frame.isHeartbeat()) {
            listener.onHeartbeat();
            return false;
        }
        if (frame.id() == null || frame.id() <= lastSeq) {
            return false; // never deliver an event twice
        }
        JsonNode data = NaviClient.json().readTree(frame.data());
        var event = new StreamEvent(frame.id(), frame.type() == null ? "message" : frame.type(), data);
        lastSeq = event.seq();
        listener.onEvent(event);
        terminalSeen = event.isTerminal();
        return terminalSeen;
    }

    private void pause(int failures) {
        try {
            Thread.sleep(reconnectDelay.multipliedBy(Math.min(failures, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NaviUnreachableException(client.baseUrl(), e);
        }
    }
}
