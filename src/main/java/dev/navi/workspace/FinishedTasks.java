package dev.navi.workspace;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** When tasks ended, so that their copies can be removed; implemented by the tasks module. */
public interface FinishedTasks {

    /**
     * For each of {@code taskIds} that is a task: when it ended, empty while it is queued or running.
     * Ids of no task are left out.
     */
    Map<UUID, Optional<Instant>> endings(Collection<UUID> taskIds);
}
