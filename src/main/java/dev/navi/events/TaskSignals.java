package dev.navi.events;

import java.util.UUID;

/** Signals to every replica, sent through the database and delivered only if the caller's transaction commits. */
public interface TaskSignals {

    /** The task's cancellation was requested: every replica publishes {@link CancellationSignalled}. */
    void cancellationRequested(UUID taskId);
}
