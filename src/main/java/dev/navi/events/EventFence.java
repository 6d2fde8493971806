package dev.navi.events;

import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The lease a worker holds on a task, as a condition on the events it publishes for it: an event
 * published through {@link #publish} is stored only while the task is {@code running} under this
 * {@code leaseEpoch} (checked in the statement that stores it), else the publication throws {@link
 * LeaseLostException} and no listener sees the event.
 */
public record EventFence(UUID taskId, long leaseEpoch) {

    private static final ScopedValue<EventFence> CURRENT = ScopedValue.newInstance();

    /** Publishes {@code event} (of this fence's task) under this fence. */
    public void publish(ApplicationEventPublisher publisher, TaskEvent event) {
        if (!event.taskId().equals(taskId)) {
            throw new IllegalArgumentException("An event of task " + event.taskId() + " under the fence of " + taskId);
        }
        ScopedValue.where(CURRENT, this).run(() -> publisher.publishEvent(event));
    }

    /** The fence the current publication of an event of {@code taskId} is made under, if any. */
    public static Optional<EventFence> current(UUID taskId) {
        return CURRENT.isBound() && CURRENT.get().taskId().equals(taskId)
                ? Optional.of(CURRENT.get())
                : Optional.empty();
    }
}
