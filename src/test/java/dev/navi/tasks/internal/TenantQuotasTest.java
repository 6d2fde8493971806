package dev.navi.tasks.internal;

import static dev.navi.tasks.internal.TaskDatabase.caller;
import static dev.navi.tasks.internal.TaskDatabase.newTask;
import static dev.navi.tasks.internal.TaskDatabase.quotas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.security.Caller;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.QuotaExceededException;
import dev.navi.tasks.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TenantQuotasTest {

    private final Caller alice = caller("alice", "acme");
    private final Caller bob = caller("bob", "globex");

    @Nested
    class Queued {

        private final TaskDatabase db =
                new TaskDatabase(quotas(2, 10, Map.of("globex", new TasksProperties.TenantQuota(3, null))));

        @Test
        void whenATenantIsAtItsQueuedQuotaThenASubmissionIsRefusedNamingTheQuota() {
            db.catalog.submit(alice, newTask("one"));
            db.catalog.submit(alice, newTask("two"));

            assertThatThrownBy(() -> db.catalog.submit(alice, newTask("three")))
                    .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                        assertThat(e.quota()).isEqualTo("queued");
                        assertThat(e.limit()).isEqualTo(2);
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                    });
            assertThat(db.catalog.list(alice, null, null, null, null).items()).hasSize(2);
            assertThat(db.registry
                            .get("navi.quota.rejections")
                            .tag("quota", "queued")
                            .counter()
                            .count())
                    .isEqualTo(1);
        }

        @Test
        void whenOneTenantIsAtItsQuotaThenAnotherStillSubmits() {
            db.catalog.submit(alice, newTask("one"));
            db.catalog.submit(alice, newTask("two"));

            assertThat(db.catalog.submit(bob, newTask("bob's")).tenant()).isEqualTo("globex");
        }

        @Test
        void whenATenantHasAnOverrideThenItsOwnQuotaApplies() {
            for (int i = 0; i < 3; i++) {
                db.catalog.submit(bob, newTask("globex " + i));
            }

            assertThatThrownBy(() -> db.catalog.submit(bob, newTask("one too many")))
                    .isInstanceOfSatisfying(
                            QuotaExceededException.class,
                            e -> assertThat(e.limit()).isEqualTo(3));
        }

        @Test
        void whenQueuedTasksStartThenTheirPlacesAreFreed() {
            db.catalog.submit(alice, newTask("one"));
            db.catalog.submit(alice, newTask("two"));
            db.claim("worker").orElseThrow();

            assertThat(db.catalog.submit(alice, newTask("three")).prompt()).isEqualTo("three");
        }

        @Test
        void whenSubmissionsRaceThenNoMoreThanTheQuotaAreStored() throws Exception {
            var outcomes = race(8, () -> {
                try {
                    db.catalog.submit(alice, newTask("racing"));
                    return true;
                } catch (QuotaExceededException e) {
                    return false;
                }
            });

            assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(2);
            assertThat(db.catalog.list(alice, null, null, null, null).items()).hasSize(2);
        }
    }

    @Nested
    class Running {

        private final TaskDatabase db =
                new TaskDatabase(quotas(100, 1, Map.of("globex", new TasksProperties.TenantQuota(null, 2))));

        @Test
        void whenATenantIsAtItsRunningQuotaThenItsOlderTasksWaitWhileAnotherTenantsAreClaimed() {
            var acmeFirst = db.catalog.submit(alice, newTask("acme 1"));
            db.catalog.submit(alice, newTask("acme 2"));
            var globexFirst = db.catalog.submit(bob, newTask("globex 1"));
            var globexSecond = db.catalog.submit(bob, newTask("globex 2"));
            db.catalog.submit(bob, newTask("globex 3"));

            assertThat(claimed(5)).containsExactly(acmeFirst.id(), globexFirst.id(), globexSecond.id());
        }

        @Test
        void whenARunningTaskEndsThenTheTenantsNextTaskCanBeClaimed() {
            var first = db.catalog.submit(alice, newTask("acme 1"));
            var second = db.catalog.submit(alice, newTask("acme 2"));
            var lease = db.claim("worker").orElseThrow().lease();
            assertThat(lease.taskId()).isEqualTo(first.id());
            assertThat(claimed(1)).isEmpty();

            db.queue.finish(lease, finished());

            assertThat(claimed(1)).containsExactly(second.id());
        }

        @Test
        void whenWorkersClaimAtOnceThenATenantNeverRunsMoreThanItsQuota() throws Exception {
            for (int i = 0; i < 6; i++) {
                db.catalog.submit(bob, newTask("globex " + i));
            }

            var claims = race(6, () -> db.claim("worker").isPresent());

            assertThat(claims).filteredOn(Boolean::booleanValue).hasSize(2);
            assertThat(db.jdbc
                            .sql("select count(*) from tasks where status = 'running'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        }

        private List<java.util.UUID> claimed(int attempts) {
            var ids = new ArrayList<java.util.UUID>();
            for (int i = 0; i < attempts; i++) {
                db.claim("worker").map(ClaimedTask::task).map(Task::id).ifPresent(ids::add);
            }
            return ids;
        }

        private static dev.navi.tasks.TaskOutcome finished() {
            return new dev.navi.tasks.TaskOutcome(
                    dev.navi.tasks.StopReason.COMPLETED, "done", null, 1, dev.navi.tasks.TaskUsage.NONE, "");
        }
    }

    private static <T> List<T> race(int callers, Callable<T> call) throws Exception {
        try (var pool = Executors.newFixedThreadPool(callers)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
