package dev.navi.tasks;

import java.util.List;

/** A page of tasks, newest first; {@code nextCursor} is null on the last page. */
public record TaskPage(List<Task> items, String nextCursor) {}
