package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two NAVI processes as shipped ({@code target/navi.jar}) on one PostgreSQL: the worker runs tasks, the viewer
 * runs none ({@code navi.agent.worker-enabled=false}) and serves their streams and cancellations live. The
 * worker's poll is minutes long, so a prompt cancellation can only have come through the notification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossReplicaStreamIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration CEILING = Duration.ofSeconds(30);
    private static final String JWT_SECRET = "cross-replica-test-secret-of-at-least-32-bytes";
    private static final String LISTENER = "navi-notify-listener";
    private static final int BENCHMARK_EVENTS = 300;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private NaviProcesses processes;
    private int worker;
    private int viewer;

    @TempDir
    static Path temp;

    @BeforeAll
    void startReplicas() throws IOException {
        processes = new NaviProcesses(temp, JWT_SECRET);
        worker = start("worker", "--navi.agent.poll-interval=5m", "--navi.agent.lease-duration=10m");
        // reconnecting late, so events committed while the viewer is deaf come only from the re-read
        viewer = start("viewer", "--navi.agent.worker-enabled=false", "--navi.events.listener.min-backoff=3s");
        awaitReady(worker);
        awaitReady(viewer);
    }

    @AfterAll
    void stopReplicas() throws Exception {
        if (processes != null) {
            processes.close();
        }
    }

    @BeforeEach
    void listenersAreConnected() {
        await().atMost(CEILING)
                .until(() -> metric(worker, "navi_events_notify_connected") == 1
                        && metric(viewer, "navi_events_notify_connected") == 1);
    }

    @Test
    void whenATaskRunsOnTheWorkerThenAStreamOnTheViewerReceivesEveryEventLiveAndInOrder() {
        var id = submit("cross-replica");
        try (var stream = LiveStream.open(this, viewer, id)) {
            var seen = stream.until("llm.request");
            assertThat(stored(id).getLast().get("seq").asLong())
                    .as("nothing after the model request is stored yet: what follows arrives live")
                    .isEqualTo(seen.getLast().seq());

            seen.addAll(stream.untilTerminal());

            assertInOrderAndAsStored(id, seen);
            assertThat(seen.getLast().type()).isEqualTo("task.succeeded");
            assertThat(stream.ended()).isTrue();
        }
    }

    @Test
    void whenACancelIsSentToTheViewerThenTheTaskOnTheWorkerStopsPromptly() {
        var id = submit("hang");
        try (var stream = LiveStream.open(this, viewer, id)) {
            stream.until("llm.request");

            var response = send(viewer, "POST", "/api/v1/tasks/" + id + "/cancel");

            assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> status(viewer, id).equals("cancelled"));
            assertThat(stream.untilTerminal().getLast().type()).isEqualTo("task.cancelled");
        }
    }

    @Test
    void whenTheListenerConnectionsAreKilledThenTheStreamStillReceivesEverything() throws SQLException {
        var id = submit("cross-replica");
        double reconnectsBefore = metric(viewer, "navi_events_notify_reconnects_total");
        try (var stream = LiveStream.open(this, viewer, id)) {
            var seen = stream.until("llm.request");

            assertThat(terminateListeners()).as("one listener per process").isEqualTo(2);
            seen.addAll(stream.untilTerminal());

            assertInOrderAndAsStored(id, seen);
            assertThat(seen.getLast().type()).isEqualTo("task.succeeded");
        }
        await().atMost(CEILING)
                .until(() -> metric(viewer, "navi_events_notify_reconnects_total") >= reconnectsBefore + 1
                        && metric(viewer, "navi_events_notify_connected") == 1);
    }

    /**
     * Not a timed assertion: prints how long an event takes from the commit of its insert (made here, as
     * another replica would) to its arrival on the viewer's stream, which is after the viewer wrote it.
     */
    @Test
    void whenEventsAreCommittedElsewhereThenTheCrossReplicaLatencyIsReported() throws SQLException {
        var id = submit("hang");
        var latencies = new ArrayList<Long>();
        try (var stream = LiveStream.open(this, viewer, id);
                var connection = processes.postgres().getPostgresDatabase().getConnection()) {
            stream.until("llm.request");
            connection.setAutoCommit(false);
            for (int i = 0; i < BENCHMARK_EVENTS; i++) {
                long seq = insertEvent(connection, UUID.fromString(id), i);
                long committing = System.nanoTime();
                connection.commit();
                var event = stream.next();
                assertThat(event.seq()).isEqualTo(seq);
                latencies.add(event.receivedNanos() - committing);
            }
        } finally {
            send(viewer, "POST", "/api/v1/tasks/" + id + "/cancel");
        }
        var sorted = latencies.subList(20, latencies.size()).stream().sorted().toList();
        System.out.printf(
                "Cross-replica stream latency over %d events (commit -> SSE event read by the client):"
                        + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.size(),
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                sorted.getLast() / 1e6);
        assertThat(sorted).hasSize(BENCHMARK_EVENTS - 20);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** As {@code EventStore} appends: the next seq, the row and the notification in one transaction. */
    private static long insertEvent(java.sql.Connection connection, UUID taskId, int index) throws SQLException {
        long seq;
        try (var next = connection.prepareStatement("""
                insert into task_event_sequences (task_id, last_seq) values (?, 1)
                on conflict (task_id) do update set last_seq = task_event_sequences.last_seq + 1
                returning last_seq""")) {
            next.setObject(1, taskId);
            try (var rows = next.executeQuery()) {
                rows.next();
                seq = rows.getLong(1);
            }
        }
        try (var insert = connection.prepareStatement(
                "insert into task_events (task_id, seq, type, ts, data) values (?, ?, 'bench.ping', ?, cast(? as jsonb))")) {
            insert.setObject(1, taskId);
            insert.setLong(2, seq);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setString(4, "{\"index\": " + index + "}");
            insert.executeUpdate();
        }
        try (var notify = connection.prepareStatement("select pg_notify('navi_tasks', ?)")) {
            notify.setString(1, taskId + ":" + seq);
            notify.executeQuery().close();
        }
        return seq;
    }

    private int terminateListeners() throws SQLException {
        try (var connection = processes.postgres().getPostgresDatabase().getConnection();
                var statement = connection.prepareStatement(
                        "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            statement.setString(1, LISTENER);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private void assertInOrderAndAsStored(String id, List<Event> seen) {
        assertThat(seen)
                .extracting(Event::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, seen.size()).boxed().toList());
        assertThat(seen)
                .extracting(Event::type)
                .containsExactlyElementsOf(stored(id).stream()
                        .map(event -> event.get("type").asString())
                        .toList());
    }

    private List<JsonNode> stored(String id) {
        var page = json.readTree(
                send(worker, "GET", "/api/v1/tasks/" + id + "/events").body());
        var events = new ArrayList<JsonNode>();
        page.get("events").forEach(events::add);
        return events;
    }

    private String status(int port, String id) {
        return json.readTree(send(port, "GET", "/api/v1/tasks/" + id).body())
                .get("status")
                .asString();
    }

    /** On the worker, which claims it at once; the viewer never runs tasks. */
    private String submit(String script) {
        var body = json.createObjectNode();
        body.put("prompt", "[sim:" + script + "] " + UUID.randomUUID());
        body.putObject("workspace").put("path", "replica");
        var response = send(authorize(HttpRequest.newBuilder(uri(worker, "/api/v1/tasks")))
                .header("Content-Type", "application/json")
                .timeout(CEILING)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private double metric(int port, String name) {
        var response = send(authorize(HttpRequest.newBuilder(uri(port, "/metrics")))
                .header("Accept", "text/plain")
                .timeout(CEILING)
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private HttpResponse<String> send(int port, String method, String path) {
        return send(authorize(HttpRequest.newBuilder(uri(port, path)))
                .header("Accept", "application/json")
                .timeout(CEILING)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static HttpRequest.Builder authorize(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + token());
    }

    private static String token() {
        return NaviProcesses.token(JWT_SECRET, "alice", "acme", "tasks:read tasks:write admin");
    }

    private int start(String name, String... settings) throws IOException {
        int port = NaviProcesses.freePort();
        var workspace = Files.createDirectories(
                processes.home(name).resolve("workspaces").resolve("acme").resolve("replica"));
        Files.writeString(workspace.resolve("a.txt"), "a\n");
        var command = new ArrayList<>(List.of(
                "--navi.ratelimit.submit.capacity=1000",
                "--navi.llm.provider=anthropic",
                "--navi.llm.anthropic-api-key=sk-ant-test",
                "--navi.llm.base-url=" + TestLlmSim.SIM.baseUrl(),
                "--navi.llm.model=claude-sim",
                "--navi.llm.prices.[claude-sim].input-usd-per-million-tokens=3",
                "--navi.llm.prices.[claude-sim].output-usd-per-million-tokens=15"));
        command.addAll(List.of(settings));
        processes.launch(name, port, command);
        return port;
    }

    private void awaitReady(int port) {
        await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> send(HttpRequest.newBuilder(uri(port, "/health/ready"))
                                        .timeout(CEILING)
                                        .build())
                                .statusCode()
                        == 200);
    }

    private static URI uri(int port, String path) {
        return NaviProcesses.uri(port, path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A stored event as it arrived, with the moment it was read. */
    record Event(long seq, String type, String data, long receivedNanos) {}

    /** An SSE stream read on its own thread, so the test takes its events one at a time as they arrive. */
    private static final class LiveStream implements AutoCloseable {

        private static final Event END = new Event(-1, "end", "", 0);
        private static final java.util.Set<String> TERMINAL =
                java.util.Set.of("task.succeeded", "task.failed", "task.cancelled");

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final HttpResponse<java.io.InputStream> response;
        private volatile boolean ended;

        private LiveStream(HttpResponse<java.io.InputStream> response) {
            this.response = response;
            Thread.ofVirtual().name("sse-reader").start(this::read);
        }

        static LiveStream open(CrossReplicaStreamIT test, int port, String taskId) {
            var request = authorize(HttpRequest.newBuilder(uri(port, "/api/v1/tasks/" + taskId + "/events")))
                    .header("Accept", "text/event-stream")
                    .build();
            try {
                var response = test.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                return new LiveStream(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void read() {
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String type = null;
                var data = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (id != null) {
                            events.add(new Event(Long.parseLong(id), type, data.toString(), System.nanoTime()));
                        }
                        id = null;
                        type = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        type = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).stripLeading());
                    }
                }
            } catch (IOException e) {
                // closed by the test
            } finally {
                ended = true;
                events.add(END);
            }
        }

        /** The next stored event (heartbeats carry no id and are skipped). */
        Event next() {
            try {
                var event = events.poll(CEILING.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(event).as("an event within " + CEILING).isNotNull();
                assertThat(event).as("the stream ended early").isNotSameAs(END);
                return event;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The events up to and including the first of this type. */
        List<Event> until(String type) {
            var seen = new ArrayList<Event>();
            do {
                seen.add(next());
            } while (!seen.getLast().type().equals(type));
            return seen;
        }

        List<Event> untilTerminal() {
            var seen = new ArrayList<Event>();
            do {
                seen.add(next());
            } while (!TERMINAL.contains(seen.getLast().type()));
            return seen;
        }

        /** Whether the server ended the stream (after its terminal event). */
        boolean ended() {
            try {
                var last = events.poll(CEILING.toMillis(), TimeUnit.MILLISECONDS);
                return last == END && ended;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
