package dev.navi.llmsim.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the attempts at each turn of each conversation, so faults can be served on the first attempts only. */
final class AttemptCounters {

    /** A turn of one conversation of one script, on one vendor endpoint (each protocol counts on its own). */
    record Key(String endpoint, String script, int turn, String conversation) {}

    private final Map<Key, Integer> attempts = new ConcurrentHashMap<>();

    /** Records one more attempt and returns its 1-based number. */
    int next(Key key) {
        return attempts.merge(key, 1, Integer::sum);
    }

    void clear() {
        attempts.clear();
    }
}
