package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Durable execution through the running application: a task's lease is taken over or expires while its
 * worker waits on a slow model turn; not one write of the stale loop lands, and the task is resumed from
 * its stored events without asking the model again for a reply it already stored.
 */
@UsesAnthropicSim
class TaskRecoveryIT extends NaviIntegrationTest {

    private static final Duration CEILING = Duration.ofSeconds(60);

    /** Turn 0 lists files, turn 1 (slow) reads one, turn 2 answers. */
    private static final String TURNS = """
            {"tool_calls": [{"name": "list_files", "arguments": {"path": "."}}]},
            {"tool_calls": [{"name": "read_file", "arguments": {"path": "a.txt"}}], "delay_ms": 3000},
            {"text": "Read a.txt."}""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ApplicationContext context;

    @Nested
    class Fencing {

        @Test
        void whenAnotherClaimTakesTheLeaseOverThenNoStaleWriteLandsAndTheNewOwnerFinishes() {
            var script = register("takeover");
            double lossesBefore = leaseLosses();
            var id = submitTo(script, "takeover");
            awaitSlowTurn(id);

            long epoch = epoch(id);
            jdbc.sql("""
                            update tasks set lease_epoch = lease_epoch + 1, worker_id = 'intruder',
                                             lease_expires_at = now() + interval '1 hour'
                            where id = :id and lease_epoch = :epoch""").param("id", UUID.fromString(id)).param("epoch", epoch).update();
            long storedAtTakeover = storedEvents(id).size();
            await().atMost(CEILING).until(() -> leaseLosses() > lossesBefore);

            assertThat(storedEvents(id)).as("no write of the stale loop").hasSize((int) storedAtTakeover);
            assertThat(workerOf(id)).isEqualTo("intruder");
            assertThat(task(id).get("status").asString()).isEqualTo("running");

            expireLease(id, epoch + 1); // the intruder died: its lease ends and any worker resumes the task
            var finished = awaitEnd(id);

            assertThat(finished.get("status").asString()).isEqualTo("succeeded");
            var events = storedEvents(id);
            assertThat(events)
                    .extracting(e -> e.get("seq").asLong())
                    .as("one event per sequence number, no gap")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, events.size()).boxed().toList());
            var resumed = events.get((int) storedAtTakeover);
            assertThat(resumed.get("type").asString()).isEqualTo("task.resumed");
            assertThat(resumed.get("previousWorker").asString()).isEqualTo("intruder");
            assertThat(resumed.get("lastSeq").asLong()).isEqualTo(storedAtTakeover);
            assertThat(resumed.get("attempt").asInt()).isEqualTo(2);
            assertThat(typesOf(events)).last().isEqualTo("task.succeeded");
        }
    }

    @Nested
    class HandBack {

        @Test
        void whenTheWorkerStopsThenItsRunningTaskIsHandedBackAndResumedOnceItRunsAgain() {
            var worker = context.getBean("taskWorker", SmartLifecycle.class);
            var script = register("handback");
            double handedBackBefore = recoveries("handed_back");
            var id = submitTo(script, "handback");
            awaitSlowTurn(id);

            try {
                worker.stop();

                assertThat(task(id).get("status").asString()).isEqualTo("queued");
                assertThat(recoveries("handed_back")).isEqualTo(handedBackBefore + 1);
                assertThat(typesOf(storedEvents(id))).doesNotContain("task.failed");
            } finally {
                worker.start();
            }
            var finished = awaitEnd(id);

            assertThat(finished.get("status").asString()).isEqualTo("succeeded");
            var events = storedEvents(id);
            assertThat(typesOf(events)).containsOnlyOnce("task.resumed");
            assertThat(simRequests(script).stream().map(r -> r.get("turn").asInt()))
                    .containsOnlyOnce(0, 2);
        }
    }

    @Nested
    class Resume {

        @Test
        void whenTheLeaseExpiresMidRunThenTheTaskResumesWithoutRepeatingACompletedTurn() {
            var script = register("expired");
            var id = submitTo(script, "expired");
            awaitSlowTurn(id);
            long epoch = epoch(id);

            // the worker renews its lease on every tick: expire it until the sweep has taken it
            await().atMost(CEILING).until(() -> {
                expireLease(id, epoch);
                return epoch(id) > epoch;
            });
            var finished = awaitEnd(id);

            assertThat(finished.get("status").asString()).isEqualTo("succeeded");
            assertThat(finished.get("summary").asString()).isEqualTo("Read a.txt.");
            var turns =
                    simRequests(script).stream().map(r -> r.get("turn").asInt()).toList();
            assertThat(turns)
                    .as("turn 0 was answered and stored: never asked again")
                    .containsOnlyOnce(0);
            assertThat(turns).containsOnlyOnce(2);
            var events = storedEvents(id);
            assertThat(events)
                    .filteredOn(e -> e.get("type").asString().equals("llm.response"))
                    .extracting(e -> e.get("iteration").asInt())
                    .containsExactly(1, 2, 3);
            assertThat(events)
                    .filteredOn(e -> e.get("type").asString().equals("tool.result"))
                    .extracting(e -> e.get("tool").asString())
                    .containsExactly("list_files", "read_file");
            assertThat(typesOf(events)).containsOnlyOnce("task.resumed", "task.started");
            assertThat(finished.get("iterations").asInt()).isEqualTo(3);
        }

        @Test
        void whenATaskWasRecoveredMaxRecoveriesTimesThenItFailsAsWorkerLost() {
            var script = register("exhausted");
            var id = submitTo(script, "exhausted");
            awaitSlowTurn(id);
            long epoch = epoch(id);
            jdbc.sql("update tasks set recoveries = 3 where id = :id")
                    .param("id", UUID.fromString(id))
                    .update();

            await().atMost(CEILING).until(() -> {
                expireLease(id, epoch);
                return TERMINAL.contains(task(id).get("status").asString());
            });
            var finished = task(id);

            assertThat(finished.get("status").asString()).isEqualTo("failed");
            assertThat(finished.get("error").get("class").asString()).isEqualTo("worker_lost");
            var events = storedEvents(id);
            assertThat(typesOf(events)).doesNotContain("task.resumed").last().isEqualTo("task.failed");
        }
    }

    private String register(String scenario) {
        var name = "recovery-" + scenario + "-" + UUID.randomUUID();
        var body = "{\"name\":\"" + name + "\",\"turns\":[" + TURNS + "]}";
        var response = send(HttpRequest.newBuilder(URI.create(TestLlmSim.SIM.baseUrl() + "/_sim/scripts"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return name;
    }

    private String submitTo(String script, String workspace) {
        return submit(
                        script,
                        NaviHome.workspace("recovery-" + workspace + "-" + UUID.randomUUID(), "a.txt", "a\n"),
                        null)
                .get("id")
                .asString();
    }

    /** The loop has asked for turn 1, which llm-sim answers only after its delay. */
    private void awaitSlowTurn(String id) {
        await().atMost(CEILING)
                .until(() -> storedEvents(id).stream()
                        .anyMatch(e -> e.get("type").asString().equals("llm.request")
                                && e.get("iteration").asInt() == 2));
    }

    private JsonNode awaitEnd(String id) {
        await().atMost(CEILING)
                .until(() -> TERMINAL.contains(task(id).get("status").asString()));
        return task(id);
    }

    private void expireLease(String id, long epoch) {
        jdbc.sql("""
                        update tasks set lease_expires_at = now() - interval '5 seconds'
                        where id = :id and lease_epoch = :epoch and status = 'running'""").param("id", UUID.fromString(id)).param("epoch", epoch).update();
    }

    private long epoch(String id) {
        return jdbc.sql("select lease_epoch from tasks where id = :id")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    private String workerOf(String id) {
        return jdbc.sql("select worker_id from tasks where id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private double recoveries(String cause) {
        return registry.get("navi.task.recoveries")
                .tag("cause", cause)
                .counter()
                .count();
    }

    private double leaseLosses() {
        return registry.get("navi.task.lease.losses").counter().count();
    }

    private List<JsonNode> storedEvents(String id) {
        var events = new ArrayList<JsonNode>();
        parse(get("/api/v1/tasks/" + id + "/events", "application/json"))
                .get("events")
                .forEach(events::add);
        return events;
    }

    private static List<String> typesOf(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asString()).toList();
    }
}
