package dev.navi.events;

import java.time.Instant;
import java.util.Optional;

/**
 * When the events published inside {@link #at} happened, for a publisher that stores them later than
 * that (on another thread, while it goes on): their {@code ts} is that instant rather than the time they
 * are stored. Outside it, an event's {@code ts} is the time it is published.
 */
public final class EventTime {

    private static final ScopedValue<Instant> AT = ScopedValue.newInstance();

    private EventTime() {}

    /** Runs {@code publishing} with {@code at} as the time of every event it publishes. */
    public static void at(Instant at, Runnable publishing) {
        ScopedValue.where(AT, at).run(publishing);
    }

    /** The time bound by {@link #at} around the current publication, if any. */
    public static Optional<Instant> bound() {
        return AT.isBound() ? Optional.of(AT.get()) : Optional.empty();
    }
}
