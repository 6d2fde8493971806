package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.NaviUnreachableException;
import dev.navi.cli.internal.SseFrames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Follows one task's SSE stream to its terminal event and records every frame as it arrives,
 * duplicates included. It reconnects with {@code Last-Event-ID} after a failure, after a stream that
 * ends early, and once on purpose right after the first event {@code cutAfter} accepts.
 */
final class StreamRecorder {

    private static final int MAX_RECONNECTS = 10;

    private final NaviClient client;
    private final Duration idleTimeout;

    StreamRecorder(NaviClient client, Duration idleTimeout) {
        this.client = client;
        this.idleTimeout = idleTimeout;
    }

    Recording record(
            String taskId, Duration deadline, Predicate<Recording.Arrival> cutAfter, Consumer<Recording.Arrival> seen) {
        var arrivals = new ArrayList<Recording.Arrival>();
        var end = System.nanoTime() + deadline.toNanos();
        long lastSeq = 0;
        var connection = 0;
        var cut = false;
        var failures = 0;
        while (true) {
            if (System.nanoTime() > end) {
                return new Recording(arrivals, connection, cut, Optional.of("no terminal event within " + deadline));
            }
            connection++;
            var session = new Session(connection, arrivals, cut ? e -> false : cutAfter, seen);
            try {
                var response = client.openEventStream(taskId, lastSeq);
                if (response.statusCode() == 204) {
                    response.body().close();
                    return new Recording(arrivals, connection, cut, Optional.empty());
                }
                var outcome = session.read(response.body(), end);
                lastSeq = session.lastSeq(lastSeq);
                switch (outcome) {
                    case TERMINAL -> {
                        return new Recording(arrivals, connection, cut, Optional.empty());
                    }
                    case CUT -> cut = true;
                    case ENDED -> failures++;
                }
            } catch (IOException | NaviUnreachableException e) {
                lastSeq = session.lastSeq(lastSeq);
                failures++;
            }
            if (failures > MAX_RECONNECTS) {
                return new Recording(
                        arrivals, connection, cut, Optional.of("gave up after " + failures + " broken connections"));
            }
        }
    }

    private enum Outcome {
        TERMINAL,
        CUT,
        ENDED
    }

    private final class Session {
        private final int connection;
        private final List<Recording.Arrival> arrivals;
        private final Predicate<Recording.Arrival> cutAfter;
        private final Consumer<Recording.Arrival> seen;
        private long lastSeq;
        private volatile long lastActivity = System.nanoTime();

        Session(
                int connection,
                List<Recording.Arrival> arrivals,
                Predicate<Recording.Arrival> cutAfter,
                Consumer<Recording.Arrival> seen) {
            this.connection = connection;
            this.arrivals = arrivals;
            this.cutAfter = cutAfter;
            this.seen = seen;
        }

        long lastSeq(long before) {
            return Math.max(before, lastSeq);
        }

        Outcome read(InputStream body, long end) throws IOException {
            var outcome = new Outcome[] {Outcome.ENDED};
            var watchdog = Thread.ofVirtual().start(() -> watch(body, end));
            try (body;
                    var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                SseFrames.read(reader, frame -> {
                    lastActivity = System.nanoTime();
                    var data = frame.data().isEmpty() ? null : NaviClient.json().readTree(frame.data());
                    var type = frame.type() == null ? "message" : frame.type();
                    var arrival = new Recording.Arrival(connection, frame.id(), type, data, lastActivity);
                    arrivals.add(arrival);
                    if (frame.isHeartbeat()) {
                        return true;
                    }
                    if (frame.id() != null) {
                        lastSeq = Math.max(lastSeq, frame.id());
                    }
                    seen.accept(arrival);
                    if (arrival.isTerminal()) {
                        outcome[0] = Outcome.TERMINAL;
                        return false;
                    }
                    if (cutAfter.test(arrival)) {
                        outcome[0] = Outcome.CUT;
                        return false;
                    }
                    return true;
                });
            } finally {
                watchdog.interrupt();
            }
            return outcome[0];
        }

        private void watch(InputStream body, long end) {
            try {
                while (System.nanoTime() - lastActivity < idleTimeout.toNanos() && System.nanoTime() < end) {
                    Thread.sleep(200);
                }
                body.close();
            } catch (InterruptedException | IOException e) {
                // the reader ended first
            }
        }
    }
}
