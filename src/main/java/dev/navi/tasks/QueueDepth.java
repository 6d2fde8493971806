package dev.navi.tasks;

/** Tasks waiting for a worker and tasks being run, across all processes sharing the database. */
public record QueueDepth(long queued, long running) {}
