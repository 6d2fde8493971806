package dev.navi.agent.internal;

import dev.navi.events.TaskEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What a part of the loop published, in call order, and what was stored when, as {@link StepWrites}
 * stores it: a deferred event with the next event published now.
 */
final class RecordedStepEvents implements StepEvents {

    final List<TaskEvent> published = new ArrayList<>();
    final List<TaskEvent> stored = new ArrayList<>();
    private final List<TaskEvent> deferred = new ArrayList<>();

    @Override
    public void now(TaskEvent event) {
        published.add(event);
        stored.addAll(deferred);
        deferred.clear();
        stored.add(event);
    }

    @Override
    public void alongside(TaskEvent event) {
        now(event);
    }

    @Override
    public void settle() {}

    @Override
    public void later(TaskEvent event) {
        published.add(event);
        deferred.add(event);
    }
}
