package dev.navi.tasks;

import java.util.UUID;

/**
 * A running task was asked to stop. An in-process notification (not a stored task event): the worker
 * running it stops the loop and kills any running command; the stored flag covers other processes.
 */
public record TaskCancellationRequested(UUID taskId) {}
