package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BaselineRecordingsTest {

    private final BaselineRecordings recordings = new BaselineRecordings();
    private final UUID taskId = UUID.randomUUID();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean recorded = new AtomicBoolean();

    @Nested
    class Waiting {

        @Test
        void whenNobodyHasWaitedThenNothingIsRecordedAndTheFirstWaitRecordsIt() throws Exception {
            recordings.register(taskId, () -> recorded.set(true), () -> {});

            assertThat(recorded).as("registered only").isFalse();
            recordings.await(taskId);

            assertThat(recorded).isTrue();
        }

        @Test
        void whenNoBaselineIsBeingRecordedThenAWaitReturnsAtOnce() {
            assertThatCode(() -> recordings.await(taskId)).doesNotThrowAnyException();
        }

        @Test
        void whenTheRecordingIsUnderWayThenAWaitReturnsOnlyOnceItIsDone() throws Exception {
            recordings.register(taskId, blockedRecording(), () -> {});
            var waiter = Thread.ofVirtual().start(() -> recordings.awaitUninterruptibly(taskId));

            assertThat(waiter.join(java.time.Duration.ofMillis(200)))
                    .as("the waiter waits for the recording")
                    .isFalse();
            release.countDown();
            waiter.join();

            assertThat(recorded).isTrue();
        }

        @Test
        void whenTheRecordingSucceededThenItIsForgotten() throws Exception {
            recordings.register(taskId, () -> recorded.set(true), () -> {});
            recordings.await(taskId);

            assertThat(recorded).isTrue();
            assertThatCode(() -> recordings.await(taskId)).doesNotThrowAnyException();
        }

        @Test
        void whenTheWaiterIsInterruptedThenItStopsWaitingAndTheRecordingGoesOn() throws Exception {
            recordings.register(taskId, blockedRecording(), () -> {});
            var thrown = new AtomicReference<Throwable>();
            var waiter = Thread.ofVirtual().start(() -> {
                try {
                    recordings.await(taskId);
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            waiter.interrupt();
            waiter.join();
            release.countDown();
            recordings.await(taskId);

            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(recorded).isTrue();
        }

        @Test
        void whenAnUninterruptibleWaiterIsInterruptedThenItWaitsOnAndKeepsTheInterrupt() throws Exception {
            recordings.register(taskId, blockedRecording(), () -> {});
            var interruptedAfter = new AtomicBoolean();
            var waiter = Thread.ofVirtual().start(() -> {
                recordings.awaitUninterruptibly(taskId);
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            });
            waiter.interrupt();
            release.countDown();
            waiter.join();

            assertThat(recorded).isTrue();
            assertThat(interruptedAfter).isTrue();
        }
    }

    @Nested
    class Failing {

        @Test
        void whenTheRecordingFailsThenEveryWaitIsToldAfterTheCleanUpRan() {
            var cleanedUp = new AtomicBoolean();
            recordings.register(
                    taskId,
                    () -> {
                        throw new IOException("disk full");
                    },
                    () -> cleanedUp.set(true));

            for (int wait = 0; wait < 2; wait++) {
                assertThatThrownBy(() -> recordings.await(taskId))
                        .isInstanceOfSatisfying(
                                WorkspaceException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
                        .hasMessageContaining("baseline")
                        .hasMessageContaining("disk full");
                assertThat(cleanedUp).isTrue();
            }
        }

        @Test
        void whenAFailedRecordingIsCancelledThenItsFailureIsForgotten() {
            recordings.register(
                    taskId,
                    () -> {
                        throw new IOException("disk full");
                    },
                    () -> {});
            assertThatThrownBy(() -> recordings.await(taskId)).isInstanceOf(WorkspaceException.class);

            recordings.cancel(taskId);

            assertThatCode(() -> recordings.await(taskId)).doesNotThrowAnyException();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void whenCancelledThenTheRecordingIsInterruptedAndHasEndedOnReturn() throws Exception {
            var began = new CountDownLatch(1);
            var ended = new AtomicBoolean();
            recordings.register(
                    taskId,
                    () -> {
                        began.countDown();
                        try {
                            release.await();
                        } finally {
                            ended.set(true);
                        }
                    },
                    () -> {});
            Thread.ofVirtual().start(() -> {
                try {
                    recordings.await(taskId);
                } catch (InterruptedException | WorkspaceException e) {
                    // the cancellation ends the recording: the waiter hears of it
                }
            });
            began.await();

            recordings.cancel(taskId);

            assertThat(ended).isTrue();
            assertThat(release.getCount())
                    .as("nothing released it: the interrupt did")
                    .isEqualTo(1);
            assertThatCode(() -> recordings.await(taskId)).doesNotThrowAnyException();
        }

        @Test
        void whenARecordingNobodyWaitedForIsForgottenThenItNeverRunsAndNothingIsKept() {
            recordings.register(taskId, () -> recorded.set(true), () -> {});

            recordings.forget(taskId);

            assertThat(recordings.known(taskId)).isFalse();
            assertThat(recorded).isFalse();
        }

        @Test
        void whenAFailedRecordingIsForgottenThenNothingIsKept() {
            recordings.register(
                    taskId,
                    () -> {
                        throw new IOException("disk full");
                    },
                    () -> {});
            assertThatThrownBy(() -> recordings.await(taskId)).isInstanceOf(WorkspaceException.class);

            recordings.forget(taskId);

            assertThat(recordings.known(taskId)).isFalse();
        }

        @Test
        void whenARecordingNobodyWaitedForIsCancelledThenItNeverRuns() {
            recordings.register(taskId, () -> recorded.set(true), () -> {});

            recordings.cancel(taskId);

            assertThatCode(() -> recordings.await(taskId)).doesNotThrowAnyException();
            assertThat(recorded).isFalse();
        }
    }

    /** A recording that ends once {@link #release} is counted down, uninterrupted. */
    private BaselineRecordings.Recording blockedRecording() {
        return () -> {
            boolean interrupted = false;
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            recorded.set(true);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
