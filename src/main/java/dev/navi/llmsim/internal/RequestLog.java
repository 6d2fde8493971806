package dev.navi.llmsim.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every provider request the sim received, in arrival order. */
final class RequestLog {

    /**
     * One received request; fields the sim could not determine (e.g. for a malformed request) are null.
     *
     * @param turn 0-based turn index, i.e. the number of assistant messages in the request
     * @param attempt 1-based attempt at this turn of this conversation
     * @param fault description of the fault served, null when the turn was served normally
     * @param error why the request was rejected with a 400, null otherwise
     */
    record Entry(
            Instant time,
            String path,
            String model,
            Boolean stream,
            String script,
            Integer turn,
            Integer attempt,
            String fault,
            String error) {}

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(Entry entry) {
        entries.add(entry);
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
