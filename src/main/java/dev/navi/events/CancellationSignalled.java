package dev.navi.events;

import java.util.UUID;

/**
 * The cancellation of a task was committed, on this replica or another: published in-process on every
 * replica when the database notification arrives, so the worker running the task can check at once
 * rather than at its next poll. A hint only: it may come late, twice, or (while the notification
 * connection is down) never, so the stored flag stays the truth.
 */
public record CancellationSignalled(UUID taskId) {}
