package dev.navi.cli.internal;

import static dev.navi.cli.internal.FakeNavi.HEARTBEAT;
import static dev.navi.cli.internal.FakeNavi.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static final String TASK = "00000000-0000-0000-0000-000000000001";

    private final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> reconnects = new CopyOnWriteArrayList<>();
    private int heartbeats;

    private final EventStream.Listener listener = new EventStream.Listener() {
        @Override
        public void onEvent(StreamEvent event) {
            events.add(event);
        }

        @Override
        public void onHeartbeat() {
            heartbeats++;
        }

        @Override
        public void reconnecting(int attempt, String reason) {
            reconnects.add(attempt + " " + reason);
        }
    };

    private EventStream.End follow(FakeNavi navi, long after) {
        var client = navi.client(new PrintStream(new ByteArrayOutputStream()));
        return new EventStream(client, TASK, after, listener, 3, Duration.ofMillis(1), Duration.ofSeconds(30)).follow();
    }

    private List<Long> seqs() {
        return events.stream().map(StreamEvent::seq).toList();
    }

    private List<String> lastEventIds(FakeNavi navi) {
        return navi.requests().stream()
                .map(request -> request.header("Last-Event-ID").orElse("none"))
                .toList();
    }

    @Nested
    class Resuming {

        @Test
        void whenTheConnectionIsCutMidStreamThenItResumesAfterTheLastEventAndDeliversEachOnce() {
            try (var navi = new FakeNavi(
                    FakeNavi.cut(
                            event(1, "task.queued"), event(2, "task.started"), "id:3\nevent:llm.request\ndata:{\"se"),
                    FakeNavi.stream(
                            event(2, "task.started"),
                            event(3, "llm.request"),
                            HEARTBEAT,
                            event(4, "task.succeeded")))) {

                var end = follow(navi, 0);

                assertThat(end).isEqualTo(EventStream.End.TERMINAL);
                assertThat(seqs()).containsExactly(1L, 2L, 3L, 4L);
                assertThat(lastEventIds(navi)).containsExactly("none", "2");
                assertThat(reconnects).hasSize(1);
                assertThat(heartbeats).isEqualTo(1);
                assertThat(events.getLast().isTerminal()).isTrue();
            }
        }

        @Test
        void whenTheStreamEndsCleanlyBeforeTheTerminalEventThenItResumesAtOnce() {
            try (var navi = new FakeNavi(
                    FakeNavi.stream(event(1, "task.queued")), FakeNavi.stream(event(2, "task.cancelled")))) {

                assertThat(follow(navi, 0)).isEqualTo(EventStream.End.TERMINAL);

                assertThat(seqs()).containsExactly(1L, 2L);
                assertThat(lastEventIds(navi)).containsExactly("none", "1");
            }
        }

        @Test
        void whenStartedAfterASeqThenTheFirstRequestCarriesItAndOlderEventsAreNotDelivered() {
            try (var navi = new FakeNavi(
                    FakeNavi.stream(event(4, "tool.result"), event(5, "llm.request"), event(6, "task.failed")))) {

                follow(navi, 5);

                assertThat(lastEventIds(navi)).containsExactly("5");
                assertThat(seqs()).containsExactly(6L);
            }
        }

        @Test
        void whenNaviAnswers503WhileRestartingThenItRetries() {
            try (var navi = new FakeNavi(
                    exchange -> FakeNavi.json(
                            exchange, 503, "application/problem+json", "{\"title\":\"Service Unavailable\"}"),
                    FakeNavi.stream(event(1, "task.succeeded")))) {

                assertThat(follow(navi, 0)).isEqualTo(EventStream.End.TERMINAL);

                assertThat(seqs()).containsExactly(1L);
            }
        }

        @Test
        void whenTheStreamStaysSilentPastTheIdleTimeoutThenItReconnects() {
            try (var navi = new FakeNavi(
                    exchange -> {
                        exchange.sendResponseHeaders(200, 0);
                        exchange.getResponseBody().flush();
                        Thread.sleep(Duration.ofSeconds(30));
                    },
                    FakeNavi.stream(event(1, "task.succeeded")))) {
                var client = navi.client(new PrintStream(new ByteArrayOutputStream()));

                var end = new EventStream(client, TASK, 0, listener, 3, Duration.ofMillis(1), Duration.ofMillis(300))
                        .follow();

                assertThat(end).isEqualTo(EventStream.End.TERMINAL);
                assertThat(reconnects).hasSize(1);
            }
        }
    }

    @Nested
    class Ending {

        @Test
        void whenNaviAnswers204ThenFollowingEndsWithoutEvents() {
            try (var navi = new FakeNavi(exchange -> exchange.sendResponseHeaders(204, -1))) {

                assertThat(follow(navi, 9)).isEqualTo(EventStream.End.TERMINAL);

                assertThat(events).isEmpty();
                assertThat(lastEventIds(navi)).containsExactly("9");
            }
        }

        @Test
        void whenEveryConnectionFailsThenItGivesUpAfterTheLimit() {
            try (var navi = new FakeNavi(FakeNavi.cut(event(1, "task.queued")))) {

                assertThat(follow(navi, 0)).isEqualTo(EventStream.End.GAVE_UP);

                assertThat(seqs()).containsExactly(1L);
                assertThat(navi.requests()).hasSize(4);
            }
        }

        @Test
        void whenTheTaskIsNotFoundThenTheProblemIsThrown() {
            try (var navi = new FakeNavi(exchange -> FakeNavi.json(
                    exchange,
                    404,
                    "application/problem+json",
                    "{\"type\":\"urn:navi:problem:task-not-found\",\"title\":\"Task not found\",\"status\":404}"))) {

                assertThatThrownBy(() -> follow(navi, 0))
                        .isInstanceOfSatisfying(
                                NaviApiException.class,
                                e -> assertThat(e.type()).isEqualTo("task-not-found"));
                assertThat(navi.requests()).hasSize(1);
            }
        }
    }
}
