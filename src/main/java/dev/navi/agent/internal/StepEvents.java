package dev.navi.agent.internal;

import dev.navi.events.TaskEvent;

/** Where a loop's events go: stored before the loop does anything else, or with the next one that is. */
interface StepEvents {

    /** Stored, with every deferred event before it, before this returns. */
    void now(TaskEvent event);

    /** Stored with the next event (or write) made now; not seen by anyone before. */
    void later(TaskEvent event);
}
