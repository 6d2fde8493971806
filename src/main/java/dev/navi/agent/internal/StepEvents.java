package dev.navi.agent.internal;

import dev.navi.events.TaskEvent;

/** Where a loop's events go: stored before the loop does anything else, or with the next one that is. */
interface StepEvents {

    /** Stored, with every deferred event before it, before this returns. */
    void now(TaskEvent event);

    /** Stored with the next event (or write) made now; not seen by anyone before. */
    void later(TaskEvent event);

    /**
     * Stored, with every deferred event before it, while the caller goes on; before any later event.
     * {@link #settle} waits for it.
     */
    void alongside(TaskEvent event);

    /** Waits until the event stored {@link #alongside} is stored; throws what storing it threw. */
    void settle();
}
