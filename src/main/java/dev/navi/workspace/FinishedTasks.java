package dev.navi.workspace;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Which tasks have ended, so that their copies can be removed; implemented by the tasks module. */
public interface FinishedTasks {

    /**
     * Of {@code taskIds}, those whose task ended before {@code cutoff}, and those that no task has
     * (copies left behind by a task that no longer exists). Queued and running tasks are never in it.
     */
    Set<UUID> endedBefore(Collection<UUID> taskIds, Instant cutoff);
}
