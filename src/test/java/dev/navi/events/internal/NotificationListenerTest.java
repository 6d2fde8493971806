package dev.navi.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NotificationListenerTest {

    private static final UUID TASK = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    private final List<String> heard = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final Deque<Plan> plans = new ArrayDeque<>();
    private final NotificationListener listener = new NotificationListener(
            this::open,
            new RecordingHandler(),
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
            waits::add,
            Duration.ofMillis(1));

    /** One attempt to connect: refused, or a session that hands out these batches and is then lost. */
    private sealed interface Plan {}

    private record Refused() implements Plan {}

    private record Listening(List<List<String>> batches) implements Plan {}

    @Nested
    class Reconnecting {

        @Test
        void whenTheSessionIsLostThenANewOneListensAndTheHandlerHearsItIsAReconnection() {
            plans.add(session(List.of(payload(1))));
            plans.add(session(List.of(payload(2))));

            listener.run();

            assertThat(heard)
                    .startsWith("connected", "event 1", "disconnected", "reconnected", "event 2", "disconnected");
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
        }

        @Test
        void whenAttemptsKeepFailingThenTheWaitsDoubleUpToTheCapAndStartOverOnceConnected() {
            for (int i = 0; i < 5; i++) {
                plans.add(new Refused());
            }
            plans.add(session(List.of()));
            plans.add(new Refused());

            listener.run();

            assertThat(waits)
                    .containsExactly(
                            Duration.ofMillis(100),
                            Duration.ofMillis(200),
                            Duration.ofMillis(400),
                            Duration.ofMillis(800),
                            Duration.ofSeconds(1),
                            Duration.ofMillis(100),
                            Duration.ofMillis(200));
            assertThat(heard)
                    .filteredOn(line -> line.equals("connected") || line.equals("reconnected"))
                    .containsExactly("connected");
        }

        @Test
        void whenTheFirstAttemptFailsThenTheFirstSessionIsNotAReconnection() {
            plans.add(new Refused());
            plans.add(session(List.of(payload(3))));

            listener.run();

            assertThat(heard).startsWith("disconnected", "connected", "event 3");
        }
    }

    @Nested
    class Delivering {

        @Test
        void whenAPayloadIsNotASignalThenItIsSkippedAndTheSessionStays() {
            plans.add(session(List.of("garbage"), List.of(payload(4), cancel())));

            listener.run();

            assertThat(heard).startsWith("connected", "event 4", "cancel").doesNotContain("reconnected");
        }

        @Test
        void whenTheHandlerFailsOnASignalThenTheNextSignalsStillArriveOnTheSameSession() {
            plans.add(session(List.of(payload(-1), payload(5))));

            listener.run();

            assertThat(heard).startsWith("connected", "failed", "event 5").doesNotContain("reconnected");
        }
    }

    @Nested
    class Stopping {

        @Test
        void whenStoppedWhileListeningThenItEndsWithoutReconnecting() {
            plans.add(session(List.of(payload(6)), List.of("stop")));
            plans.add(session(List.of(payload(7))));

            listener.run();

            assertThat(heard).containsExactly("connected", "event 6", "disconnected");
            assertThat(waits).isEmpty();
            assertThat(listener.running()).isFalse();
        }
    }

    private static Plan session(List<String>... batches) {
        return new Listening(List.of(batches));
    }

    private static String payload(long seq) {
        return seq < 0 ? TASK + ":" + Long.MAX_VALUE : TaskSignal.encode(new TaskSignal.EventCommitted(TASK, seq));
    }

    private static String cancel() {
        return TaskSignal.encode(new TaskSignal.CancellationCommitted(TASK));
    }

    private NotificationListener.Session open() throws SQLException {
        var plan = plans.poll();
        if (plan == null) {
            listener.stop();
            throw new SQLException("no more attempts in this test");
        }
        return switch (plan) {
            case Refused refused -> throw new SQLException("connection refused");
            case Listening listening -> new ScriptedSession(new ArrayDeque<>(listening.batches()));
        };
    }

    private final class ScriptedSession implements NotificationListener.Session {

        private final Deque<List<String>> batches;

        ScriptedSession(Deque<List<String>> batches) {
            this.batches = batches;
        }

        @Override
        public List<String> await(Duration timeout) throws SQLException {
            var batch = batches.poll();
            if (batch == null) {
                throw new SQLException("terminating connection due to administrator command");
            }
            if (batch.equals(List.of("stop"))) {
                listener.stop();
                return List.of();
            }
            return batch;
        }

        @Override
        public void close() {}
    }

    private final class RecordingHandler implements NotificationListener.Handler {

        @Override
        public void connected(boolean reconnected) {
            heard.add(reconnected ? "reconnected" : "connected");
        }

        @Override
        public void disconnected() {
            heard.add("disconnected");
        }

        @Override
        public void received(TaskSignal signal) {
            switch (signal) {
                case TaskSignal.EventCommitted event
                when event.seq() == Long.MAX_VALUE -> {
                    heard.add("failed");
                    throw new IllegalStateException("the handler could not act");
                }
                case TaskSignal.EventCommitted event -> heard.add("event " + event.seq());
                case TaskSignal.CancellationCommitted cancel -> heard.add("cancel");
            }
        }
    }
}
