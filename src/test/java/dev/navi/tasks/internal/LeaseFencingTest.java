package dev.navi.tasks.internal;

import static dev.navi.tasks.internal.TaskDatabase.caller;
import static dev.navi.tasks.internal.TaskDatabase.newTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.events.LeaseLostException;
import dev.navi.events.TaskEvent;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.TaskOutcome;
import dev.navi.tasks.TaskStatus;
import dev.navi.tasks.TaskUsage;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every write for a claimed task names its lease epoch: once another claim took it over, none lands. */
class LeaseFencingTest {

    private final TaskDatabase db = new TaskDatabase();
    private final UUID id =
            db.catalog.submit(caller("alice", "acme"), newTask("fenced")).id();

    @Nested
    class Claims {

        @Test
        void whenATaskIsClaimedAgainThenItsEpochMovesOnAndTheResumptionKnowsTheWorkerBefore() {
            var first = claim("worker-a");
            expireLease();
            assertThat(db.queue.recoverAbandoned(3)).isEqualTo(1);

            var second = claim("worker-b");

            assertThat(second.lease().epoch()).isEqualTo(first.lease().epoch() + 1);
            assertThat(first.attempt()).isEqualTo(1);
            assertThat(second.attempt()).isEqualTo(2);
            assertThat(second.resumed()).isTrue();
            assertThat(second.previousWorker()).isEqualTo("worker-a");
            assertThat(second.task().startedAt()).isEqualTo(first.task().startedAt());
            assertThat(db.published.stream().filter(TaskEvent.TaskStarted.class::isInstance))
                    .as("task.started on the first attempt only")
                    .hasSize(1);
            assertThat(counter("lease_expired")).isEqualTo(1);
        }
    }

    @Nested
    class StaleWrites {

        @Test
        void whenAnotherClaimTookTheTaskOverThenProgressOfTheFirstIsRefusedAndNothingChanges() {
            var first = claim("worker-a");
            expireLease();
            db.queue.recoverAbandoned(3);
            var second = claim("worker-b");
            db.queue.recordProgress(second.lease(), 2, usage(10), Duration.ofMinutes(1));

            assertThatThrownBy(() -> db.queue.recordProgress(first.lease(), 7, usage(99), Duration.ofMinutes(1)))
                    .isInstanceOf(LeaseLostException.class);
            assertThat(db.queue.find(id).orElseThrow().iterations()).isEqualTo(2);
        }

        @Test
        void whenAnotherClaimTookTheTaskOverThenTheFirstCannotFinishItAndNoTerminalEventIsPublished() {
            var first = claim("worker-a");
            expireLease();
            db.queue.recoverAbandoned(3);
            var second = claim("worker-b");

            assertThatThrownBy(() -> finish(first)).isInstanceOf(LeaseLostException.class);
            assertThat(db.queue.find(id).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
            assertThat(db.published).noneMatch(TaskEvent.TaskSucceeded.class::isInstance);

            finish(second);
            assertThat(db.queue.find(id).orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
        }

        @Test
        void whenTheLeaseIsLostThenItIsNotRenewed() {
            var first = claim("worker-a");
            expireLease();
            db.queue.recoverAbandoned(3);

            assertThat(db.queue.renewLeases(List.of(first.lease()), Duration.ofMinutes(1)))
                    .isEmpty();
            var second = claim("worker-b");
            assertThat(db.queue.renewLeases(List.of(first.lease(), second.lease()), Duration.ofMinutes(1)))
                    .containsExactly(id);
        }
    }

    @Nested
    class Recovery {

        @Test
        void whenAWorkerHandsATaskBackThenItIsQueuedAgainWithItsProgress() {
            var first = claim("worker-a");
            db.queue.recordProgress(first.lease(), 3, usage(100), Duration.ofMinutes(1));

            db.transactions.executeWithoutResult(status -> db.queue.handBack(first.lease(), 3));

            var task = db.queue.find(id).orElseThrow();
            assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
            assertThat(task.iterations()).isEqualTo(3);
            assertThat(task.usage().inputTokens()).isEqualTo(100);
            assertThat(counter("handed_back")).isEqualTo(1);
            assertThatThrownBy(() -> db.queue.recordProgress(first.lease(), 4, usage(1), Duration.ofMinutes(1)))
                    .as("a handed-back lease is released")
                    .isInstanceOf(LeaseLostException.class);
        }

        @Test
        void whenATaskWasRecoveredMaxRecoveriesTimesThenItFailsAsWorkerLost() {
            for (int i = 0; i < 2; i++) {
                claim("worker-" + i);
                expireLease();
                db.queue.recoverAbandoned(2);
            }
            claim("worker-last");
            expireLease();

            db.queue.recoverAbandoned(2);

            var task = db.queue.find(id).orElseThrow();
            assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(task.error().errorClass()).isEqualTo("worker_lost");
            assertThat(db.published)
                    .filteredOn(TaskEvent.TaskFailed.class::isInstance)
                    .hasSize(1);
            assertThat(db.claim("worker-more")).isEmpty();
        }
    }

    private ClaimedTask claim(String worker) {
        return db.claim(worker).orElseThrow();
    }

    private void finish(ClaimedTask claimed) {
        db.transactions.executeWithoutResult(status ->
                db.queue.finish(claimed.lease(), new TaskOutcome(StopReason.COMPLETED, "done", null, 1, usage(1), "")));
    }

    private void expireLease() {
        db.jdbc
                .sql("update tasks set lease_expires_at = :past where id = :id")
                .param("past", Timestamp.from(Instant.now().minusSeconds(5)))
                .param("id", id)
                .update();
    }

    private double counter(String cause) {
        return db.registry
                .get("navi.task.recoveries")
                .tag("cause", cause)
                .counter()
                .count();
    }

    private static TaskUsage usage(long input) {
        return new TaskUsage(input, 0, BigDecimal.ZERO, 1);
    }
}
