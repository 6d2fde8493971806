package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three NAVI processes on one PostgreSQL and one llm-sim run tasks of several slow turns and writing tool rounds
 * while the test kills them ({@code kill -9} or {@code SIGTERM}) at seeded moments and starts them again. Every
 * task must end as an undisturbed run of its script ends, with its events gapless and every one of them on the
 * streams that followed it from replica to replica.
 *
 * <p>Settings (system properties): {@code navi.chaos.seed} (printed at the start), {@code navi.chaos.tasks} (30),
 * {@code navi.chaos.kills} (6), {@code navi.chaos.turn-delay-ms} (1500).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosIT {

    static final long SEED = Long.getLong("navi.chaos.seed", new Random().nextLong());
    static final int TASKS = Integer.getInteger("navi.chaos.tasks", 30);
    static final int KILLS = Integer.getInteger("navi.chaos.kills", 6);
    static final int TURN_DELAY_MS = Integer.getInteger("navi.chaos.turn-delay-ms", 1500);
    static final int REPLICAS = 3;
    static final String TENANT = "acme";
    static final String SOURCE = "chaos";
    static final Duration CEILING = Duration.ofMinutes(4);
    /** Stored events of one task of the script: queued, started, 4 turns, 3 rounds of 2 calls, succeeded. */
    static final int EVENTS_PER_TASK = 3 + 4 * 2 + 3 * 2 * 2;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ChaosReplica> replicas = new ArrayList<>();
    private NaviProcesses processes;
    private String token;

    @TempDir
    static Path temp;

    @BeforeAll
    void startReplicas() throws IOException {
        System.out.printf(
                "ChaosIT seed %d (-Dnavi.chaos.seed=%d), %d tasks, %d kills, turn delay %d ms%n",
                SEED, SEED, TASKS, KILLS, TURN_DELAY_MS);
        processes = new NaviProcesses(temp, "chaos-test-secret-of-at-least-32-bytes!!");
        token = processes.token("alice", TENANT, "tasks:read tasks:write admin");
        for (int i = 0; i < REPLICAS; i++) {
            var name = "replica-" + i;
            var source = Files.createDirectories(
                    processes.home(name).resolve("workspaces").resolve(TENANT).resolve(SOURCE));
            Files.writeString(source.resolve("a.txt"), "a\n");
            replicas.add(new ChaosReplica(name, processes, http, settings()));
        }
        replicas.forEach(ChaosReplica::start);
        replicas.forEach(replica -> await().atMost(CEILING).until(replica::up));
    }

    private static List<String> settings() {
        return List.of(
                "--navi.ratelimit.enabled=false",
                "--navi.tasks.quotas.max-running=100",
                "--navi.agent.concurrency=3",
                "--navi.agent.lease-duration=3s",
                "--navi.agent.poll-interval=250ms",
                "--navi.agent.max-recoveries=10",
                "--navi.llm.provider=anthropic",
                "--navi.llm.anthropic-api-key=sk-ant-test",
                "--navi.llm.base-url=" + TestLlmSim.SIM.baseUrl(),
                "--navi.llm.model=claude-sim");
    }

    @AfterAll
    void stopReplicas() throws Exception {
        if (processes != null) {
            processes.close();
        }
    }

    @Test
    void whenReplicasAreKilledAndRestartedThenEveryTaskEndsAsAnUndisturbedRunWithEveryEventStreamed() throws Exception {
        long began = System.nanoTime();
        String expectedDiff = undisturbedDiff();
        var random = new Random(SEED);
        var tasks = new ArrayList<ChaosTask>();
        for (int i = 0; i < TASKS; i++) {
            var script = register("chaos-" + i + "-" + UUID.randomUUID(), TURN_DELAY_MS);
            var id = submit(replicas.get(i % REPLICAS).port(), script);
            tasks.add(new ChaosTask(id, script, ChaosStream.follow(http, token, replicas, id, random.nextInt())));
        }

        var kills = new ChaosSchedule(random, KILLS, TASKS * EVENTS_PER_TASK, REPLICAS)
                .run(this::eventCount, () -> unfinished() == 0, replicas);
        await().atMost(CEILING).pollInterval(Duration.ofMillis(500)).until(() -> unfinished() == 0);
        var serving = new AtomicReference<ChaosReplica>();
        await().atMost(CEILING).until(() -> {
            replicas.stream().filter(ChaosReplica::up).findFirst().ifPresent(serving::set);
            return serving.get() != null;
        });
        int up = serving.get().port();

        var requests = simRequests();
        int resumes = 0;
        var failures = new ArrayList<String>();
        var interruptedTasks = new ArrayList<String>();
        for (var task : tasks) {
            var finished = get(up, "/api/v1/tasks/" + task.id());
            var events = storedEvents(up, task.id());
            resumes += (int)
                    events.stream().filter(e -> type(e).equals("task.resumed")).count();
            assertThat(finished.get("status").asString())
                    .as("task %s (%s)", task.id(), finished)
                    .isEqualTo("succeeded");
            assertThat(events)
                    .extracting(e -> e.get("seq").asLong())
                    .as("stored seqs of %s", task.id())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, events.size()).boxed().toList());
            ChaosTurns.assertNoAnsweredTurnRequestedAgain(
                    task.id(), events, requests.getOrDefault(task.script(), List.of()));
            assertThat(task.stream().awaitEnd(CEILING))
                    .as("seqs received on the streams of %s", task.id())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, events.size()).boxed().toList());
            var interrupted = ChaosDiffs.interruptedWrites(events);
            if (!interrupted.isEmpty()) {
                interruptedTasks.add(task.id() + " " + interrupted);
            }
            var diff = diff(up, task.id());
            if (!ChaosDiffs.byFile(diff).equals(ChaosDiffs.expected(expectedDiff, events))) {
                failures.add(
                        task.id() + ":\n" + diff + trail(events) + "\ncheckpoints at seqs " + checkpoints(task.id()));
            }
        }
        System.out.printf(
                "ChaosIT seed %d: %d tasks, %d kills (%s), %d takeovers (task.resumed), %d stream reconnections,"
                        + " %d model requests, %d tasks with an interrupted write %s, %.1f s%n",
                SEED,
                TASKS,
                kills.size(),
                String.join(" ", kills),
                resumes,
                tasks.stream().mapToInt(t -> t.stream().reconnections()).sum(),
                requests.values().stream().mapToInt(List::size).sum(),
                interruptedTasks.size(),
                interruptedTasks,
                (System.nanoTime() - began) / 1e9);
        assertThat(failures)
                .as("final diffs that differ from the undisturbed run's (but for files of interrupted writes):\n"
                        + expectedDiff)
                .isEmpty();
    }

    /** One task of the script, on one replica, nobody killed: its final diff. */
    private String undisturbedDiff() {
        var port = replicas.getFirst().port();
        var id = submit(port, register("chaos-undisturbed-" + UUID.randomUUID(), 0));
        await().atMost(CEILING).until(() -> unfinished() == 0);
        assertThat(get(port, "/api/v1/tasks/" + id).get("status").asString()).isEqualTo("succeeded");
        var diff = diff(port, id);
        assertThat(diff).contains("one.txt", "two.txt", "a.txt");
        return diff;
    }

    private String register(String name, int delayMs) {
        var turns = List.of(
                "{\"tool_calls\": [{\"name\": \"write_file\", \"arguments\": {\"path\": \"one.txt\", \"content\": \"one\\n\"}},"
                        + " {\"name\": \"list_files\", \"arguments\": {\"path\": \".\"}}]",
                "{\"tool_calls\": [{\"name\": \"read_file\", \"arguments\": {\"path\": \"one.txt\"}},"
                        + " {\"name\": \"edit_file\", \"arguments\": {\"path\": \"a.txt\", \"old_text\": \"a\", \"new_text\": \"A\"}}]",
                "{\"tool_calls\": [{\"name\": \"write_file\", \"arguments\": {\"path\": \"two.txt\", \"content\": \"two\\n\"}},"
                        + " {\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}]",
                "{\"text\": \"Chaos survived.\"");
        var body = "{\"name\": \"" + name + "\", \"turns\": ["
                + String.join(
                        ", ",
                        turns.stream()
                                .map(turn -> turn + ", \"delay_ms\": " + delayMs + "}")
                                .toList())
                + "]}";
        var response = send(HttpRequest.newBuilder(URI.create(TestLlmSim.SIM.baseUrl() + "/_sim/scripts"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return name;
    }

    private String submit(int port, String script) {
        var body = json.createObjectNode();
        body.put("prompt", "[sim:" + script + "] survive the chaos");
        body.putObject("workspace").put("path", SOURCE);
        var response = send(authorized(port, "/api/v1/tasks")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private JsonNode get(int port, String path) {
        var response =
                send(authorized(port, path).header("Accept", "application/json").build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String diff(int port, String id) {
        var response = send(authorized(port, "/api/v1/tasks/" + id + "/diff").build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The stored events of a task, page by page. */
    private List<JsonNode> storedEvents(int port, String id) {
        var events = new ArrayList<JsonNode>();
        long after = 0;
        while (true) {
            var page = get(port, "/api/v1/tasks/" + id + "/events?after=" + after + "&limit=7");
            page.get("events").forEach(events::add);
            if (page.get("events").isEmpty()
                    || page.path("next").isNull()
                    || page.path("next").isMissingNode()) {
                return events;
            }
            after = page.get("next").asLong();
        }
    }

    /** Every request llm-sim received, by script. */
    private Map<String, List<JsonNode>> simRequests() {
        var response = send(HttpRequest.newBuilder(URI.create(TestLlmSim.SIM.baseUrl() + "/_sim/requests"))
                .build());
        var byScript = new HashMap<String, List<JsonNode>>();
        json.readTree(response.body())
                .forEach(entry -> byScript.computeIfAbsent(entry.path("script").asString(), s -> new ArrayList<>())
                        .add(entry));
        return byScript;
    }

    /** The events in short, for a failure message. */
    private static String trail(List<JsonNode> events) {
        var trail = new StringBuilder();
        for (var event : events) {
            trail.append('\n').append(event.get("seq").asLong()).append(' ').append(type(event));
            for (var field : List.of("iteration", "tool", "ok", "output", "workerId", "lastSeq", "previousWorker")) {
                if (event.has(field)) {
                    trail.append(' ').append(field).append('=').append(event.get(field));
                }
            }
        }
        return trail.toString();
    }

    private List<Long> checkpoints(String id) {
        try (var connection = processes.postgres().getPostgresDatabase().getConnection();
                var statement = connection.prepareStatement(
                        "select seq from workspace_checkpoints where task_id = ? order by seq")) {
            statement.setObject(1, UUID.fromString(id));
            var seqs = new ArrayList<Long>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    seqs.add(rows.getLong(1));
                }
            }
            return seqs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long eventCount() {
        return count("select count(*) from task_events");
    }

    private long unfinished() {
        return count("select count(*) from tasks where status not in ('succeeded', 'failed', 'cancelled')");
    }

    private long count(String sql) {
        try (var connection = processes.postgres().getPostgresDatabase().getConnection();
                var statement = connection.prepareStatement(sql);
                var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String type(JsonNode event) {
        return event.get("type").asString();
    }

    private HttpRequest.Builder authorized(int port, String path) {
        return HttpRequest.newBuilder(NaviProcesses.uri(port, path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
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

    record ChaosTask(String id, String script, ChaosStream stream) {}
}
