package dev.navi.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.events.TaskEvent;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.Lease;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskOutcome;
import dev.navi.tasks.TaskQueue;
import dev.navi.tasks.TaskStatus;
import dev.navi.tasks.TaskUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaskEventMetricsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final TaskEvent.TaskTotals TOTALS = new TaskEvent.TaskTotals(3, 10, 20, BigDecimal.ONE, true, 3);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StoredTasks tasks = new StoredTasks();
    private final TaskEventMetrics metrics =
            new TaskEventMetrics(new TaskMeters(registry, Set.of("read_file", "run_command")), tasks);
    private final UUID id = UUID.randomUUID();

    @Nested
    class Lifecycle {

        @Test
        void whenATaskIsStartedThenItsQueueWaitIsRecorded() {
            tasks.put(task(T0, T0.plusMillis(1500), null));

            metrics.on(new TaskEvent.TaskQueued(id, "o", "p", null, "w"));
            metrics.on(new TaskEvent.TaskStarted(id, null, "worker"));

            assertThat(registry.get("navi.tasks.submitted").counter().count()).isEqualTo(1);
            assertThat(registry.get("navi.tasks.started").counter().count()).isEqualTo(1);
            assertThat(registry.get("navi.task.queue.wait").timer().totalTime(TimeUnit.MILLISECONDS))
                    .isEqualTo(1500);
        }

        @Test
        void whenATaskFailsThenFinishedDurationAndIterationsAreRecordedByStopReason() {
            tasks.put(task(T0, T0.plusSeconds(2), T0.plusSeconds(62)));

            metrics.on(new TaskEvent.TaskFailed(id, "max_iterations", "max_iterations", "m", TOTALS));

            assertThat(registry.get("navi.tasks.finished")
                            .tags("stop_reason", "max_iterations", "status", "failed")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("navi.task.duration")
                            .tag("stop_reason", "max_iterations")
                            .timer()
                            .totalTime(TimeUnit.SECONDS))
                    .isEqualTo(60);
            assertThat(registry.get("navi.task.iterations")
                            .tag("stop_reason", "max_iterations")
                            .summary()
                            .totalAmount())
                    .isEqualTo(3);
        }

        @Test
        void whenCancelledWhileQueuedThenCountedWithoutDuration() {
            tasks.put(task(T0, null, T0.plusSeconds(1)));

            metrics.on(new TaskEvent.TaskCancelled(id, "cancelled", TOTALS));

            assertThat(registry.get("navi.tasks.finished")
                            .tags("stop_reason", "cancelled", "status", "cancelled")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("navi.task.duration")
                            .tag("stop_reason", "cancelled")
                            .timer()
                            .count())
                    .isZero();
        }

        @Test
        void whenEveryStopReasonIsPreRegisteredThenSeriesExistBeforeAnyTask() {
            for (var reason : StopReason.values()) {
                assertThat(registry.find("navi.tasks.finished")
                                .tags(
                                        "stop_reason",
                                        reason.wireName(),
                                        "status",
                                        reason.finalStatus().wireName())
                                .counter())
                        .isNotNull();
            }
        }
    }

    @Nested
    class Tools {

        @Test
        void whenAToolTheModelInventedIsCalledThenItCountsAsUnknown() {
            metrics.on(new TaskEvent.ToolCallCompleted(id, 1, "c1", "read_file", true, "x", null, 12, 12_000L));
            metrics.on(new TaskEvent.ToolCallCompleted(id, 1, "c2", "delete_everything", false, "x", null, 1, 1_000L));

            assertThat(registry.get("navi.tool.calls")
                            .tags("tool", "read_file", "outcome", "ok")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("navi.tool.calls")
                            .tags("tool", "unknown", "outcome", "error")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.find("navi.tool.calls")
                            .tag("tool", "delete_everything")
                            .counters())
                    .isEmpty();
        }

        @Test
        void whenEventsArriveThenEachIsCountedByType() {
            metrics.on(new TaskEvent.ToolCallStarted(id, 1, "c1", "read_file", "{}"));
            metrics.on(new TaskEvent.ToolCallStarted(id, 1, "c2", "read_file", "{}"));

            assertThat(registry.get("navi.events.stored")
                            .tag("type", "tool.call")
                            .counter()
                            .count())
                    .isEqualTo(2);
        }
    }

    @Test
    void whenTheTaskCannotBeReadThenTheListenerDoesNotThrow() {
        tasks.failing = true;

        metrics.on(new TaskEvent.TaskStarted(id, null, "worker"));

        assertThat(registry.get("navi.tasks.started").counter().count()).isEqualTo(1);
    }

    private Task task(Instant created, Instant started, Instant finished) {
        return new Task(
                id,
                "default",
                "o",
                TaskStatus.RUNNING,
                "p",
                null,
                null,
                null,
                created,
                started,
                finished,
                0,
                null,
                null,
                null,
                null,
                dev.navi.tasks.ApprovalMode.NEVER);
    }

    /** Tasks as the metrics read them: by id only. */
    private static final class StoredTasks implements TaskQueue {

        private final Map<UUID, Task> byId = new HashMap<>();
        private boolean failing;

        void put(Task task) {
            byId.put(task.id(), task);
        }

        @Override
        public Optional<Task> find(UUID id) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<ClaimedTask> claimNext(String workerId, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void awaitApproval(dev.navi.tasks.Lease lease, dev.navi.tasks.ApprovalRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordProgress(Lease lease, int iterations, TaskUsage usage, Duration extension) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void finish(Lease lease, TaskOutcome outcome) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void handBack(Lease lease, int maxRecoveries) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<UUID> renewLeases(Collection<Lease> leases, Duration extension) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<UUID> cancellationRequested(Collection<UUID> taskIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int recoverAbandoned(int maxRecoveries) {
            throw new UnsupportedOperationException();
        }
    }
}
