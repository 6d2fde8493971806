package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A task submitted with {@code approvals} waits in the database before a risky call, held by no
 * worker; the owner's (or an admin's) decision puts it back in the queue and a worker runs or refuses
 * the call.
 */
@TestPropertySource(
        properties = {
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=sk-ant-test",
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim",
            "navi.llm.prices.[claude-sim].input-usd-per-million-tokens=3",
            "navi.llm.prices.[claude-sim].output-usd-per-million-tokens=15",
            "navi.security.jwt.secret=" + ApprovalsIT.SECRET,
            "navi.agent.approvals.allowed-commands=git status,echo allowed"
        })
class ApprovalsIT extends NaviIntegrationTest {

    static final String SECRET = "approvals-test-secret-0123456789abcdef-0123";

    static final String ALICE = TestTokens.hs256(SECRET, "alice", "acme", "tasks:read tasks:write");
    static final String BOB = TestTokens.hs256(SECRET, "bob", "acme", "tasks:read tasks:write");
    static final String READER = TestTokens.hs256(SECRET, "alice", "acme", "tasks:read");
    static final String MALLORY = TestTokens.hs256(SECRET, "mallory", "globex", "tasks:read tasks:write");
    static final String ADMIN = TestTokens.hs256(SECRET, "root", "default", "admin");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Nested
    class Decisions {

        @Test
        void whenTheOwnerApprovesThenTheCommandRunsAndTheTaskSucceeds() throws Exception {
            var id = submitWaiting("commands");
            var approval = pendingApproval(id);
            assertThat(approval.get("tool").asString()).isEqualTo("run_command");
            assertThat(approval.get("arguments").asString()).contains("echo approved-run");

            var decided = decide(ALICE, id, approval.get("id").asString(), "approve", "looks fine");

            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            assertThat(parse(decided).get("status").asString()).isEqualTo("approved");
            assertThat(awaitFinishedAs(id).get("status").asString()).isEqualTo("succeeded");
            var result = toolResult(id, "run_command");
            assertThat(result.get("ok").asBoolean()).isTrue();
            assertThat(result.get("output").asString()).contains("approved-run");
            assertThat(Files.readString(NaviHome.HOME.resolve("tasks/" + id + "/work/ran.txt")))
                    .isEqualTo("approved-run\n");
            assertThat(types(id))
                    .containsSubsequence(
                            "llm.response",
                            "tool.result:read_file",
                            "approval.requested",
                            "approval.decided",
                            "task.resumed",
                            "tool.call:run_command",
                            "tool.result:run_command",
                            "task.succeeded");
            assertThat(auditedDecisions()).isPositive();
        }

        @Test
        void whenTheWorkerHasRoomThenTheDecisionsOwnTransactionClaimsTheTaskAgain() {
            var id = submitWaiting("commands");
            var approvalId = pendingApproval(id).get("id").asString();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> WorkerRoom.freeAndNothingQueued(jdbc, context.getEnvironment()));

            assertThat(decide(ALICE, id, approvalId, "approve", null).statusCode())
                    .isEqualTo(200);

            assertThat(jdbc.sql("select status from tasks where id = :id")
                            .param("id", UUID.fromString(id))
                            .query(String.class)
                            .single())
                    .as("claimed before the decision was answered")
                    .isNotEqualTo("queued");
            assertThat(awaitFinishedAs(id).get("status").asString()).isEqualTo("succeeded");
        }

        @Test
        void whenTheOwnerDeniesThenTheModelGetsTheDenialAsTheToolResultAndTheTaskGoesOn() {
            var id = submitWaiting("writes");
            var approval = pendingApproval(id);

            assertThat(decide(ALICE, id, approval.get("id").asString(), "deny", "not on my machine")
                            .statusCode())
                    .isEqualTo(200);

            assertThat(awaitFinishedAs(id).get("status").asString()).isEqualTo("succeeded");
            var result = toolResult(id, "run_command");
            assertThat(result.get("ok").asBoolean()).isFalse();
            assertThat(result.get("output").asString()).isEqualTo("denied by alice: not on my machine");
            assertThat(types(id)).doesNotContain("tool.call:run_command");
            assertThat(Files.exists(NaviHome.HOME.resolve("tasks/" + id + "/work/ran.txt")))
                    .isFalse();
        }

        @Test
        void whenAnAdminDecidesThenItIsAccepted() {
            var id = submitWaiting("commands");

            var decided = decide(ADMIN, id, pendingApproval(id).get("id").asString(), "approve", null);

            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            assertThat(parse(decided).get("decidedBy").asString()).isEqualTo("root");
            awaitFinishedAs(id);
        }
    }

    @Nested
    class Refusals {

        @Test
        void whenAnotherTenantDecidesThenTheTaskIsNotFoundAndStaysWaiting() {
            var id = submitWaiting("commands");
            var approvalId = pendingApproval(id).get("id").asString();

            var foreign = decide(MALLORY, id, approvalId, "approve", null);
            var listed =
                    send(request(MALLORY, "/api/v1/tasks/" + id + "/approvals").GET());

            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(parse(foreign).get("type").asString()).isEqualTo("urn:navi:problem:task-not-found");
            assertThat(listed.statusCode()).isEqualTo(404);
            assertThat(taskAs(ALICE, id).get("status").asString()).isEqualTo("waiting_approval");
            cleanUp(id, approvalId);
        }

        @Test
        void whenAReadOnlyCallerOrAnotherSubjectDecidesThenItIsForbidden() {
            var id = submitWaiting("commands");
            var approvalId = pendingApproval(id).get("id").asString();

            var reader = decide(READER, id, approvalId, "approve", null);
            var bob = decide(BOB, id, approvalId, "approve", null);

            assertThat(reader.statusCode()).isEqualTo(403);
            assertThat(bob.statusCode()).isEqualTo(403);
            assertThat(parse(bob).get("type").asString()).isEqualTo("urn:navi:problem:approval-forbidden");
            assertThat(send(request(READER, "/api/v1/tasks/" + id + "/approvals")
                                    .GET())
                            .statusCode())
                    .isEqualTo(200);
            cleanUp(id, approvalId);
        }

        @Test
        void whenADecidedApprovalIsDecidedAgainThenItIsAConflictAndAnUnknownOneIsNotFound() {
            var id = submitWaiting("commands");
            var approvalId = pendingApproval(id).get("id").asString();
            assertThat(decide(ALICE, id, approvalId, "deny", "no").statusCode()).isEqualTo(200);

            var again = decide(ALICE, id, approvalId, "approve", null);
            var unknown = decide(ALICE, id, UUID.randomUUID().toString(), "approve", null);
            var invalid = decide(ALICE, id, approvalId, "maybe", null);

            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(parse(again).get("type").asString()).isEqualTo("urn:navi:problem:approval-already-decided");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(parse(unknown).get("type").asString()).isEqualTo("urn:navi:problem:approval-not-found");
            assertThat(invalid.statusCode()).isEqualTo(400);
            awaitFinishedAs(id);
        }

        @Test
        void whenTheModeIsNeverOrTheCommandIsAllowedThenNothingWaits() {
            var never = submitAs(ALICE, null);
            assertThat(never.get("approvals").asString()).isEqualTo("never");
            assertThat(awaitFinishedAs(never.get("id").asString()).get("status").asString())
                    .isEqualTo("succeeded");
            var allowed =
                    submitAs(ALICE, "writes", "approval-allowed").get("id").asString();
            assertThat(awaitFinishedAs(allowed).get("status").asString()).isEqualTo("succeeded");
            assertThat(toolResult(allowed, "run_command").get("output").asString())
                    .contains("allowed run");
            assertThat(types(allowed)).doesNotContain("approval.requested");
            var invalid = submitRaw(ALICE, "maybe");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(parse(invalid).get("field").asString()).isEqualTo("approvals");
        }
    }

    @Nested
    class NoWorkerHoldsIt {

        @Test
        void whenATaskWaitsThenNoWorkerHoldsItAndAfterARestartOfTheWorkerTheDecisionResumesIt() {
            var id = submitWaiting("commands");
            var approvalId = pendingApproval(id).get("id").asString();
            assertThat(jdbc.sql("select worker_id is null and lease_expires_at is null from tasks where id = :id")
                            .param("id", UUID.fromString(id))
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            var worker = context.getBean("taskWorker", SmartLifecycle.class);
            worker.stop();
            try {
                assertThat(taskAs(ALICE, id).get("status").asString()).isEqualTo("waiting_approval");
                assertThat(decide(ALICE, id, approvalId, "approve", null).statusCode())
                        .isEqualTo(200);
                assertThat(taskAs(ALICE, id).get("status").asString()).isEqualTo("queued");
            } finally {
                worker.start();
            }
            assertThat(awaitFinishedAs(id).get("status").asString()).isEqualTo("succeeded");
            assertThat(toolResult(id, "run_command").get("ok").asBoolean()).isTrue();
        }

        @Test
        void whenTasksWaitThenTheListFiltersThemAndTheGaugeCountsThem() {
            var id = submitWaiting("commands");
            var listed = parse(send(request(ALICE, "/api/v1/tasks?status=waiting_approval&limit=100")
                            .GET()))
                    .get("items");
            assertThat(StreamSupport.stream(listed.spliterator(), false)
                            .map(item -> item.get("id").asString()))
                    .contains(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> metric("navi_approvals_pending") >= 1);
            cleanUp(id, pendingApproval(id).get("id").asString());
            assertThat(metric("navi_approvals_decided_total{decision=\"approve\"}"))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private String submitWaiting(String mode) {
        var task = submitAs(ALICE, mode);
        assertThat(task.get("approvals").asString()).isEqualTo(mode);
        var id = task.get("id").asString();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> taskAs(ALICE, id).get("status").asString().equals("waiting_approval"));
        return id;
    }

    private JsonNode pendingApproval(String id) {
        var response = send(request(ALICE, "/api/v1/tasks/" + id + "/approvals").GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var items = parse(response).get("items");
        assertThat(items.size()).isEqualTo(1);
        var approval = items.get(0);
        assertThat(approval.get("status").asString()).isEqualTo("pending");
        assertThat(Instant.parse(approval.get("expiresAt").asString())).isAfter(Instant.now());
        return approval;
    }

    private void cleanUp(String id, String approvalId) {
        decide(ADMIN, id, approvalId, "approve", null);
        awaitFinishedAs(id);
    }

    private HttpResponse<String> decide(String token, String id, String approvalId, String decision, String reason) {
        var body = json.createObjectNode();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return send(request(token, "/api/v1/tasks/" + id + "/approvals/" + approvalId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private JsonNode submitAs(String token, String mode) {
        return submitAs(token, mode, "approval-command");
    }

    private JsonNode submitAs(String token, String mode, String script) {
        var response = submitRaw(token, mode, script);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response);
    }

    private HttpResponse<String> submitRaw(String token, String mode) {
        return submitRaw(token, mode, "approval-command");
    }

    private HttpResponse<String> submitRaw(String token, String mode, String script) {
        NaviHome.workspaceOf("acme", "approvals-project", "README.md", "# Approvals\n");
        var body = json.createObjectNode();
        body.put("prompt", "[sim:" + script + "] " + UUID.randomUUID());
        body.putObject("workspace").put("path", "approvals-project");
        if (mode != null) {
            body.put("approvals", mode);
        }
        return send(request(token, "/api/v1/tasks")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private JsonNode taskAs(String token, String id) {
        return parse(send(request(token, "/api/v1/tasks/" + id)
                .header("Accept", "application/json")
                .GET()));
    }

    private JsonNode awaitFinishedAs(String id) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> TERMINAL.contains(taskAs(ALICE, id).get("status").asString()));
        return taskAs(ALICE, id);
    }

    private List<JsonNode> events(String id) {
        var response = send(request(ALICE, "/api/v1/tasks/" + id + "/events")
                .header("Accept", "application/json")
                .GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(parse(response).get("events").spliterator(), false)
                .toList();
    }

    /** Event types, a {@code tool.call} and {@code tool.result} with its tool: {@code tool.call:run_command}. */
    private List<String> types(String id) {
        return events(id).stream()
                .map(event -> {
                    var type = event.get("type").asString();
                    return type.startsWith("tool.")
                            ? type + ":" + event.get("tool").asString()
                            : type;
                })
                .toList();
    }

    private JsonNode toolResult(String id, String tool) {
        return events(id).stream()
                .filter(event -> event.get("type").asString().equals("tool.result"))
                .filter(event -> event.get("tool").asString().equals(tool))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    /** Audit records are sealed (their target encrypted): counted by action. */
    private long auditedDecisions() {
        return jdbc.sql("select count(*) from audit_log where action = 'approval_decided'")
                .query(Long.class)
                .single();
    }

    private double metric(String series) {
        var body = send(request(ADMIN, "/metrics").GET()).body();
        return body.lines()
                .filter(line -> line.startsWith(series + " ") || line.startsWith(series + "{"))
                .filter(line -> !line.startsWith("#"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }
}
