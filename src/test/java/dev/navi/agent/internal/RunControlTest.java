package dev.navi.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tasks.StopReason;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunControlTest {

    private static final Duration CEILING = Duration.ofSeconds(30);

    private final RunControl control = new RunControl();

    @Nested
    class AwaitEnd {

        @Test
        void whenTheLoopDetachedItsThreadButHasNotEndedThenAwaitEndDoesNotReturnEarly() {
            control.attach(Thread.currentThread());
            control.attach(null); // the loop's last writes run detached, so that nothing interrupts them

            assertThat(control.awaitEnd(Duration.ofMillis(20))).isFalse();
        }

        @Test
        void whenTheLoopEndsAfterItsLastWritesThenAwaitEndReturnsThen() throws InterruptedException {
            var wrote = new boolean[1];
            var loop = Thread.ofVirtual().start(() -> {
                control.attach(Thread.currentThread());
                control.attach(null);
                wrote[0] = true; // the last write, detached
                control.ended();
            });

            assertThat(control.awaitEnd(CEILING)).isTrue();
            assertThat(wrote[0])
                    .as("the last write happened before awaitEnd returned")
                    .isTrue();
            loop.join();
        }

        @Test
        void whenTheLoopNeverStartedThenAwaitEndWaitsForItToo() {
            control.release(RunControl.Release.HAND_BACK);

            assertThat(control.awaitEnd(Duration.ofMillis(20))).isFalse();
            control.ended();
            assertThat(control.awaitEnd(Duration.ZERO)).isTrue();
        }
    }

    @Nested
    class Release {

        @Test
        void whenReleasedAndStoppedThenTheReleaseWins() {
            control.stop(StopReason.CANCELLED);
            control.release(RunControl.Release.HAND_BACK);

            assertThat(control.released()).isEqualTo(RunControl.Release.HAND_BACK);
            assertThat(control.halted()).isTrue();
        }

        @Test
        void whenALeaseIsLostAfterAHandBackThenTheLossOverridesIt() {
            control.release(RunControl.Release.HAND_BACK);
            control.release(RunControl.Release.LEASE_LOST);

            assertThat(control.released()).isEqualTo(RunControl.Release.LEASE_LOST);
        }
    }
}
