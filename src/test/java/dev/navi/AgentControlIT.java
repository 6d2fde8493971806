package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Limits, cancellation, heartbeats and confinement, through the running application. */
@UsesAnthropicSim
class AgentControlIT extends NaviIntegrationTest {

    @Nested
    class Heartbeats {

        @Test
        void whenTheModelIsSlowThenHeartbeatsKeepTheStreamAlive() {
            var workspace = NaviHome.workspace("heartbeat", "a.txt", "a\n");
            var id = submit("slow-turn", workspace, null).get("id").asString();

            var events = stream(id);

            var beforeResponse = events.subList(0, types(events).indexOf("llm.response"));
            assertThat(beforeResponse)
                    .filteredOn(e -> e.type().equals("heartbeat"))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(e -> assertThat(e.id()).isNull());
            assertThat(types(events)).last().isEqualTo("task.succeeded");
        }
    }

    @Nested
    class Streams {

        @Test
        void whenTheClientGoesAwayThenTheStreamIsReleased() throws Exception {
            var id = submit("hang", NaviHome.workspace("disconnect"), null)
                    .get("id")
                    .asString();
            double before = openStreams();
            var request = java.net.http.HttpRequest.newBuilder(uri("/api/v1/tasks/" + id + "/events"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + adminToken())
                    .build();
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            var body = response.body();
            body.read();
            await().atMost(Duration.ofSeconds(5)).until(() -> openStreams() == before + 1);

            body.close();

            await().atMost(Duration.ofSeconds(5)).until(() -> openStreams() == before);
            post("/api/v1/tasks/" + id + "/cancel", "");
        }

        @Test
        void whenAskedForJsonThenEventsComeAsPagesAfterASequenceNumber() {
            var id = submit("create-file", NaviHome.workspace("json-page"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);

            var page = parse(get("/api/v1/tasks/" + id + "/events?after=3&limit=2", "application/json"));
            var last = parse(get("/api/v1/tasks/" + id + "/events?after=12", "application/json"));

            assertThat(page.get("events"))
                    .extracting(e -> e.get("seq").asLong())
                    .containsExactly(4L, 5L);
            assertThat(page.get("next").asLong()).isEqualTo(5);
            assertThat(page.get("finished").asBoolean()).isFalse();
            assertThat(last.get("events"))
                    .extracting(e -> e.get("type").asString())
                    .containsExactly("task.succeeded");
            assertThat(last.get("finished").asBoolean()).isTrue();
        }

        @Test
        void whenStreamStartsAfterASequenceNumberThenOnlyLaterEventsArrive() {
            var id = submit("create-file", NaviHome.workspace("sse-after"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);

            var events = sse.readAll(uri("/api/v1/tasks/" + id + "/events?after=10"), null);

            assertThat(events).extracting(SseClient.Event::id).containsExactly("11", "12", "13");
        }

        @Test
        void whenManyClientsWaitOnAnIdleTaskThenNoThreadIsHeldPerStream() throws Exception {
            var id = submit("hang", NaviHome.workspace("many-streams"), null)
                    .get("id")
                    .asString();
            awaitLlmRequest(id);
            await().atMost(Duration.ofSeconds(5)).until(() -> openStreams() == 0);
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            double before = 0;
            int platformThreadsBefore = threads.getThreadCount();
            var bodies = new java.util.ArrayList<java.io.InputStream>();
            try {
                for (int i = 0; i < 200; i++) {
                    var request = java.net.http.HttpRequest.newBuilder(uri("/api/v1/tasks/" + id + "/events"))
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + adminToken())
                            .build();
                    bodies.add(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream())
                            .body());
                }
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(openStreams()).isEqualTo(before + 200));

                assertThat(threads.getThreadCount() - platformThreadsBefore)
                        .as("platform threads added while 200 streams are open")
                        .isLessThan(20);
            } finally {
                for (var body : bodies) {
                    body.close();
                }
                post("/api/v1/tasks/" + id + "/cancel", "");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> openStreams() == before);
        }

        private double openStreams() {
            return get("/metrics", "text/plain")
                    .body()
                    .lines()
                    .filter(line -> line.startsWith("navi_sse_streams_open "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Nested
    class Cancel {

        @Test
        void whenCancelledDuringAModelCallThenItStopsWithinASecond() {
            var id = submit("hang", NaviHome.workspace("cancel-llm"), null)
                    .get("id")
                    .asString();
            awaitLlmRequest(id);

            var cancelledAt = Instant.now();
            var response = post("/api/v1/tasks/" + id + "/cancel", "");
            var finished = awaitFinished(id);

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(Duration.between(cancelledAt, Instant.now()))
                    .as("the model call is abandoned, not waited out")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(finished.get("status").asString()).isEqualTo("cancelled");
            assertThat(finished.get("stopReason").asString()).isEqualTo("cancelled");
            assertThat(types(stream(id))).last().isEqualTo("task.cancelled");
        }

        @Test
        void whenCancelledDuringACommandThenTheCommandIsKilled() {
            var workspace = NaviHome.workspace("cancel-command");
            var id = submit("long-command", workspace, null).get("id").asString();
            sse.readUntil(
                    uri("/api/v1/tasks/" + id + "/events"), null, e -> e.type().equals("tool.call"));
            await().atMost(Duration.ofSeconds(10)).until(() -> sleepingChildren() > 0);

            post("/api/v1/tasks/" + id + "/cancel", "");
            var finished = awaitFinished(id);

            assertThat(finished.get("status").asString()).isEqualTo("cancelled");
            await().atMost(Duration.ofSeconds(3)).until(() -> sleepingChildren() == 0);
        }

        @Test
        void whenCancellingAFinishedTaskThenConflict() {
            var id = submit("default", NaviHome.workspace("cancel-finished"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);

            var response = post("/api/v1/tasks/" + id + "/cancel", "");

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        private long sleepingChildren() {
            return ProcessHandle.current()
                    .descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("sleep 60"))
                    .count();
        }
    }

    @Nested
    class Limits {

        @Test
        void whenIterationsRunOutThenTaskFailsWithMaxIterations() {
            var id = submit("busy", NaviHome.workspace("max-iterations", "a.txt", "a"), "{\"maxIterations\": 2}")
                    .get("id")
                    .asString();

            var finished = awaitFinished(id);

            assertThat(finished.get("status").asString()).isEqualTo("failed");
            assertThat(finished.get("stopReason").asString()).isEqualTo("max_iterations");
            assertThat(finished.get("iterations").asInt()).isEqualTo(2);
            assertThat(finished.get("error").get("class").asString()).isEqualTo("max_iterations");
        }

        @Test
        void whenWallClockRunsOutThenTaskFailsWithTimeout() {
            var id = submit("hang", NaviHome.workspace("timeout"), "{\"maxDurationSeconds\": 1}")
                    .get("id")
                    .asString();

            var finished = awaitFinished(id);

            assertThat(finished.get("status").asString()).isEqualTo("failed");
            assertThat(finished.get("stopReason").asString()).isEqualTo("timeout");
        }

        @Test
        void whenTheModelIsPricedThenTheTaskReportsWhatItCost() {
            var id = submit("default", NaviHome.workspace("priced", "a.txt", "a"), null)
                    .get("id")
                    .asString();

            var finished = awaitFinished(id);

            assertThat(finished.get("usage").get("costUsd").decimalValue()).isPositive();
        }

        @Test
        void whenTheNextCallCouldCrossTheCostLimitThenItIsNotMade() {
            var id = submit("busy", NaviHome.workspace("cost-limit", "a.txt", "a"), "{\"maxCostUsd\": 0.0001}")
                    .get("id")
                    .asString();

            var finished = awaitFinished(id);

            assertThat(finished.get("stopReason").asString()).isEqualTo("budget_exhausted");
            assertThat(finished.get("usage").get("llmCalls").asInt()).isZero();
            assertThat(finished.get("error").get("message").asString()).contains("$0.0001");
        }

        @Test
        void whenTokenBudgetIsSpentThenNoFurtherCallIsMade() {
            var id = submit("busy", NaviHome.workspace("budget", "a.txt", "a"), "{\"maxTokens\": 1}")
                    .get("id")
                    .asString();

            var finished = awaitFinished(id);

            assertThat(finished.get("stopReason").asString())
                    .as("the worst case of the first call is already over the limit")
                    .isEqualTo("budget_exhausted");
            assertThat(finished.get("usage").get("llmCalls").asInt()).isZero();
            assertThat(finished.get("iterations").asInt()).isZero();
        }
    }

    @Nested
    class Confinement {

        @Test
        void whenTheModelTriesToLeaveTheWorkspaceThenEveryAttemptIsRefused() {
            var workspace = NaviHome.workspace("escape", "a.txt", "a\n");

            var id = submit("escape", workspace, null).get("id").asString();
            var events = stream(id);

            var results = events.stream()
                    .filter(e -> e.type().equals("tool.result"))
                    .map(e -> json.readTree(e.data()))
                    .toList();
            assertThat(results).hasSize(6);
            assertThat(results.getFirst().get("ok").asBoolean())
                    .as("the symlink was made")
                    .isTrue();
            assertThat(results.subList(1, 6))
                    .allSatisfy(r -> assertThat(r.get("ok").asBoolean()).isFalse());
            assertThat(Path.of("/tmp/navi-escape-planted.txt")).doesNotExist();
            assertThat(NaviHome.HOME.resolve("tasks").resolve(id).resolve("escape.txt"))
                    .doesNotExist();
            assertThat(task(id).get("status").asString()).isEqualTo("succeeded");
        }
    }

    private void awaitLlmRequest(String id) {
        sse.readUntil(
                uri("/api/v1/tasks/" + id + "/events"), null, e -> e.type().equals("llm.request"));
    }
}
