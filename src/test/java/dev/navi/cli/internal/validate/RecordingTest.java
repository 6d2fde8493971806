package dev.navi.cli.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordingTest {

    @Nested
    class Continuity {

        @Test
        void whenEverySeqArrivesOnceAndTheLastIsTerminalThenThereIsNoProblem() {
            var recording = new Recordings()
                    .event(1, "task.queued")
                    .heartbeat(5)
                    .event(2, "task.started")
                    .reconnect()
                    .event(3, "task.succeeded")
                    .build();

            assertThat(recording.continuityProblems()).isEmpty();
        }

        @Test
        void whenASeqArrivesTwiceThenItIsAProblem() {
            var recording = new Recordings()
                    .event(1, "task.queued")
                    .event(2, "task.started")
                    .reconnect()
                    .event(2, "task.started")
                    .event(3, "task.succeeded")
                    .build();

            assertThat(recording.continuityProblems()).containsExactly("seq 2 delivered again (task.started)");
        }

        @Test
        void whenSeqsAreMissingThenTheGapIsNamed() {
            var recording = new Recordings()
                    .event(1, "task.queued")
                    .event(4, "llm.request")
                    .event(5, "task.succeeded")
                    .build();

            assertThat(recording.continuityProblems()).containsExactly("seq 2–3 missing before 4");
        }

        @Test
        void whenTheStreamEndsBeforeTheTerminalEventThenItIsAProblem() {
            var recording = new Recordings().event(1, "task.queued").build();

            assertThat(recording.continuityProblems())
                    .containsExactly("the stream did not end with the terminal event");
        }
    }

    @Nested
    class Heartbeats {

        @Test
        void whenHeartbeatsFillASlowStepThenTheLongestSilenceIsBetweenTwoArrivals() {
            var recording = new Recordings()
                    .event(1, "tool.call")
                    .heartbeat(300)
                    .heartbeat(450)
                    .event(2, "tool.result")
                    .build();
            var events = recording.events();

            assertThat(recording.longestSilence(events.get(0), events.get(1))).isEqualTo(Duration.ofMillis(450));
            assertThat(recording.heartbeatsBetween(events.get(0), events.get(1)))
                    .isEqualTo(2);
        }

        @Test
        void whenTheValidatorReconnectedThenTheSilenceAcrossConnectionsDoesNotCount() {
            var recording = new Recordings()
                    .event(1, "tool.call")
                    .heartbeat(300)
                    .reconnect()
                    .heartbeat(5000)
                    .heartbeat(200)
                    .event(2, "tool.result")
                    .build();
            var events = recording.events();

            assertThat(recording.longestSilence(events.get(0), events.get(1))).isEqualTo(Duration.ofMillis(300));
        }
    }
}
