package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.tasks.ApprovalMode;
import dev.navi.tasks.ClaimedTask;
import dev.navi.tasks.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunningLoopsTest {

    private final RunningLoops loops = new RunningLoops(2);

    private static ClaimedTask claimed() {
        var task = RoundTasks.task(ApprovalMode.NEVER);
        return new ClaimedTask(task, new Lease(task.id(), "worker-1", 1, Instant.now()), 1, null);
    }

    private RunningLoops.Running claimOne() {
        return loops.claimIfRoom(() -> loops.add(claimed()));
    }

    @Nested
    class Room {

        @Test
        void whenEverySlotIsTakenThenTheClaimIsNotEvenTried() {
            claimOne();
            claimOne();
            var tried = new AtomicInteger();

            var third = loops.claimIfRoom(() -> {
                tried.incrementAndGet();
                return loops.add(claimed());
            });

            assertThat(third).isNull();
            assertThat(tried).hasValue(0);
        }

        @Test
        void whenAClaimFindsNothingOrFailsThenItsSlotIsFreeAgain() {
            assertThat(loops.<RunningLoops.Running>claimIfRoom(() -> null)).isNull();
            assertThatThrownBy(() -> loops.claimIfRoom(() -> {
                        throw new IllegalStateException("the database is down");
                    }))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(claimOne()).isNotNull();
            assertThat(claimOne()).isNotNull();
        }

        @Test
        void whenALoopIsRemovedThenItsSlotIsFreeAgain() {
            var first = claimOne();
            claimOne();

            loops.remove(first.lease().taskId(), first);

            assertThat(claimOne()).isNotNull();
            assertThat(claimOne()).isNull();
        }

        @Test
        void whenManyClaimAtOnceThenNoMoreThanTheCapacityGetASlot() throws InterruptedException {
            var go = new CountDownLatch(1);
            var threads = new ArrayList<Thread>();
            var won = new AtomicInteger();
            for (int i = 0; i < 32; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    awaitQuietly(go);
                    if (claimOne() != null) {
                        won.incrementAndGet();
                    }
                }));
            }
            go.countDown();
            for (var thread : threads) {
                thread.join();
            }

            assertThat(won).hasValue(2);
        }
    }

    @Nested
    class Leases {

        @Test
        void whenAClaimHasNotCommittedThenItsLoopIsNotAmongTheStartedOnes() {
            var pending = claimOne();
            var started = claimOne();
            started.control().started();

            assertThat(loops.started()).containsExactly(started);
            assertThat(loops.taskIds())
                    .containsExactlyInAnyOrder(
                            pending.lease().taskId(), started.lease().taskId());
        }

        @Test
        void whenReleasedForAHandBackThenEveryLoopIsAskedToEnd() {
            var first = claimOne();
            var second = claimOne();
            first.control().ended();
            second.control().ended();

            loops.releaseAll(RunControl.Release.HAND_BACK, java.time.Duration.ofSeconds(5));

            assertThat(List.of(first, second))
                    .allSatisfy(loop -> assertThat(loop.control().released()).isEqualTo(RunControl.Release.HAND_BACK));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
