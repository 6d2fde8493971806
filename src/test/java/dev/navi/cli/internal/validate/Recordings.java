package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.NaviClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recordings built by hand: {@code event(seq, type, json)} and heartbeats, one millisecond apart. */
final class Recordings {

    private final List<Recording.Arrival> arrivals = new ArrayList<>();
    private int connection = 1;
    private long millis;

    Recordings event(long seq, String type, String json) {
        arrivals.add(
                new Recording.Arrival(connection, seq, type, NaviClient.json().readTree(json), tick()));
        return this;
    }

    Recordings event(long seq, String type) {
        return event(seq, type, "{}");
    }

    Recordings heartbeat(long afterMillis) {
        millis += afterMillis - 1;
        arrivals.add(new Recording.Arrival(connection, null, "heartbeat", null, tick()));
        return this;
    }

    Recordings reconnect() {
        connection++;
        return this;
    }

    Recording build() {
        return new Recording(List.copyOf(arrivals), connection, connection > 1, Optional.empty());
    }

    TaskRun run(String diff) {
        return new TaskRun("task-1", 0, build(), diff);
    }

    private long tick() {
        millis++;
        return millis * 1_000_000;
    }
}
