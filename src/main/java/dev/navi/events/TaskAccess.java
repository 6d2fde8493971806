package dev.navi.events;

import dev.navi.security.Caller;
import java.util.UUID;

/**
 * Whether a caller may see a task's events: the task exists and belongs to the caller's tenant (an
 * admin sees every tenant). Implemented by the tasks module, so this module never reads its tables.
 */
public interface TaskAccess {

    boolean visible(UUID taskId, Caller caller);
}
