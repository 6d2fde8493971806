package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tenants cannot see each other's tasks (OWASP API1): every endpoint answers another tenant's task
 * exactly like a missing one, lists show the caller's tenant only, admins see every tenant, and a
 * tenant's workspaces are its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
        properties = {
            "navi.security.jwt.secret=" + TenantIsolationIT.SECRET,
            "navi.tasks.quotas.tenants.initech.max-queued=0",
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=sk-ant-test",
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim",
            "navi.llm.prices.[claude-sim].input-usd-per-million-tokens=3",
            "navi.llm.prices.[claude-sim].output-usd-per-million-tokens=15"
        })
class TenantIsolationIT extends NaviIntegrationTest {

    static final String SECRET = "tenant-isolation-test-secret-0123456789abcdef";

    private static final String ACME = TestTokens.hs256(SECRET, "alice", "acme", "tasks:read tasks:write");
    private static final String GLOBEX = TestTokens.hs256(SECRET, "bob", "globex", "tasks:read tasks:write");
    private static final String ADMIN = TestTokens.hs256(SECRET, "root", "default", "admin");
    private static final String INITECH = TestTokens.hs256(SECRET, "carol", "initech", "tasks:read tasks:write");

    private String acmeTask;
    private String globexTask;

    @BeforeAll
    void submitOneTaskPerTenant() {
        NaviHome.workspaceOf("acme", "acme-project", "README.md", "acme\n");
        NaviHome.workspaceOf("globex", "globex-project", "README.md", "globex\n");
        acmeTask = submitAs(ACME, "acme-project").get("id").asString();
        globexTask = submitAs(GLOBEX, "globex-project").get("id").asString();
        awaitFinishedAs(ACME, acmeTask);
        awaitFinishedAs(GLOBEX, globexTask);
    }

    @Nested
    class AnotherTenantsTask {

        @ParameterizedTest
        @ValueSource(strings = {"get", "diff", "cancel", "events-json", "events-sse"})
        void whenATenantAsksForAnotherTenantsTaskThenTheAnswerIsThatOfAMissingTask(String endpoint) {
            var missing = UUID.randomUUID().toString();

            var foreign = call(endpoint, ACME, globexTask);
            var absent = call(endpoint, ACME, missing);

            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
            assertThat(absent.statusCode()).isEqualTo(404);
            assertThat(foreign.headers().firstValue("Content-Type"))
                    .isEqualTo(absent.headers().firstValue("Content-Type"));
            assertThat(foreign.body().replace(globexTask, "<id>"))
                    .isEqualTo(absent.body().replace(missing, "<id>"));
            if (!foreign.body().isEmpty()) {
                assertThat(parse(foreign).get("type").asString()).isEqualTo("urn:navi:problem:task-not-found");
                assertThat(foreign.body()).doesNotContain("globex");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"get", "diff", "events-json"})
        void whenTheOwningTenantAsksThenItIsAnswered(String endpoint) {
            assertThat(call(endpoint, GLOBEX, globexTask).statusCode()).isEqualTo(200);
        }

        @Test
        void whenATenantTriesToCancelAnotherTenantsTaskThenTheTaskIsUntouched() {
            var running = submitAs(GLOBEX, "globex-project", "hang").get("id").asString();

            assertThat(call("cancel", ACME, running).statusCode()).isEqualTo(404);
            assertThat(taskAs(GLOBEX, running).get("status").asString()).isNotEqualTo("cancelled");

            assertThat(call("cancel", GLOBEX, running).statusCode()).isEqualTo(202);
            awaitFinishedAs(GLOBEX, running);
        }
    }

    @Nested
    class Lists {

        @Test
        void whenATenantListsThenItNeverSeesAnotherTenantsTask() {
            var acmeIds = listIds(ACME, "/api/v1/tasks?limit=100");
            var globexIds = listIds(GLOBEX, "/api/v1/tasks?limit=100");

            assertThat(acmeIds).contains(acmeTask).doesNotContain(globexTask);
            assertThat(globexIds).contains(globexTask).doesNotContain(acmeTask);
        }

        @Test
        void whenATenantNamesAnotherTenantInTheListThenItStillSeesOnlyItsOwn() {
            assertThat(listIds(ACME, "/api/v1/tasks?limit=100&tenant=globex"))
                    .contains(acmeTask)
                    .doesNotContain(globexTask);
        }

        @Test
        void whenAnAdminListsThenEveryTenantsTasksAreShown() {
            assertThat(listIds(ADMIN, "/api/v1/tasks?limit=100")).contains(acmeTask, globexTask);
            assertThat(listIds(ADMIN, "/api/v1/tasks?limit=100&tenant=globex"))
                    .contains(globexTask)
                    .doesNotContain(acmeTask);
        }

        @Test
        void whenAnAdminReadsAnyTenantsTaskThenItIsShownWithItsTenantAndOwner() {
            var task = taskAs(ADMIN, globexTask);

            assertThat(task.get("tenant").asString()).isEqualTo("globex");
            assertThat(task.get("owner").asString()).isEqualTo("bob");
            assertThat(call("events-json", ADMIN, acmeTask).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Workspaces {

        @Test
        void whenATenantNamesAnotherTenantsWorkspaceThenItIsNotFoundInItsOwn() {
            var response = submitRaw(ACME, "{\"prompt\": \"x\", \"workspace\": {\"path\": \"globex-project\"}}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:workspace-not-found");
        }

        @Test
        void whenATenantClimbsIntoAnotherTenantsDirectoryThenInvalid() {
            var response =
                    submitRaw(ACME, "{\"prompt\": \"x\", \"workspace\": {\"path\": \"../globex/globex-project\"}}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:invalid-workspace");
        }

        @Test
        void whenATenantClonesFromAnotherTenantsDirectoryThenInvalid() {
            var url = NaviHome.WORKSPACES_ROOT.resolve("globex/globex-project").toUri();
            var response = submitRaw(ACME, "{\"prompt\": \"x\", \"workspace\": {\"git\": \"" + url + "\"}}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:invalid-workspace");
        }

        @Test
        void whenTheTaskRanThenItsCopyCameFromItsOwnTenantsDirectory() {
            var events = parse(call("events-json", ACME, acmeTask)).get("events");

            assertThat(events.get(0).get("workspace").asString()).isEqualTo("acme-project");
            assertThat(taskAs(ACME, acmeTask).get("status").asString()).isEqualTo("succeeded");
        }
    }

    @Nested
    class Quotas {

        @Test
        void whenATenantIsAtItsQueuedQuotaThenTheSubmissionIs429NamingTheQuotaWithRetryAfter() {
            NaviHome.workspaceOf("initech", "initech-project", "README.md", "initech\n");
            var before = listIds(INITECH, "/api/v1/tasks?limit=100");

            var response = submitRaw(INITECH, "{\"prompt\": \"x\", \"workspace\": {\"path\": \"initech-project\"}}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            var problem = parse(response);
            assertThat(problem.get("type").asString()).isEqualTo("urn:navi:problem:quota-exceeded");
            assertThat(problem.get("quota").asString()).isEqualTo("queued");
            assertThat(problem.get("limit").asInt()).isZero();
            assertThat(listIds(INITECH, "/api/v1/tasks?limit=100")).isEqualTo(before);
        }
    }

    private HttpResponse<String> call(String endpoint, String token, String id) {
        var base = "/api/v1/tasks/" + id;
        return switch (endpoint) {
            case "get" ->
                send(request(token, base).header("Accept", "application/json").GET());
            case "diff" ->
                send(request(token, base + "/diff")
                        .header("Accept", "text/x-diff, application/problem+json")
                        .GET());
            case "cancel" ->
                send(request(token, base + "/cancel")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()));
            case "events-json" ->
                send(request(token, base + "/events")
                        .header("Accept", "application/json")
                        .GET());
            case "events-sse" ->
                send(request(token, base + "/events")
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(30))
                        .GET());
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private JsonNode submitAs(String token, String workspace) {
        return submitAs(token, workspace, "default");
    }

    private JsonNode submitAs(String token, String workspace, String script) {
        var body = json.createObjectNode();
        body.put("prompt", "[sim:" + script + "] " + UUID.randomUUID());
        body.putObject("workspace").put("path", workspace);
        var response = submitRaw(token, json.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return parse(response);
    }

    private HttpResponse<String> submitRaw(String token, String body) {
        return send(request(token, "/api/v1/tasks")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode taskAs(String token, String id) {
        return parse(call("get", token, id));
    }

    private void awaitFinishedAs(String token, String id) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> TERMINAL.contains(taskAs(token, id).get("status").asString()));
    }

    private List<String> listIds(String token, String path) {
        var ids = new ArrayList<String>();
        parse(send(request(token, path).header("Accept", "application/json").GET()))
                .get("items")
                .forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
