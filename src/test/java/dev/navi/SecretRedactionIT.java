package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Canary secrets (the configured provider key, and a GitHub token, an AWS key id and a bearer token of
 * the well-known shapes) planted in model text, command output and a provider's error message: none of
 * them reaches the events (stream and pages), the task, the error events, the logs or the metrics.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=" + SecretRedactionIT.CANARY_KEY,
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim",
            "navi.audit.key=" + SecretRedactionIT.CANARY_AUDIT_KEY
        })
class SecretRedactionIT extends NaviIntegrationTest {

    /** The scripts leak-secrets and leak-error quote these. */
    static final String CANARY_KEY = "sk-ant-canary-5e1d9c3a7b2f4e68";

    /** Base64 of 32 bytes, as NAVI_AUDIT_KEY must be. */
    static final String CANARY_AUDIT_KEY = "Y2FuYXJ5LWF1ZGl0LWtleS0zMi1ieXRlcy1sb25nISE=";

    static final List<String> CANARIES =
            List.of(CANARY_KEY, "canary-5e1d9c3a7b2f4e68", "ghp_Canary", "AKIACANARY", "canaryBearerToken0123456789");

    @Test
    void whenTheModelAndACommandQuoteSecretsThenNoSinkShowsThem(CapturedOutput output) {
        var id = submit("leak-secrets", NaviHome.workspace("leak-secrets", "a.txt", "a"), null)
                .get("id")
                .asString();
        var task = awaitFinished(id);

        var stream = stream(id).toString();
        var page = get("/api/v1/tasks/" + id + "/events", "application/json").body();

        assertThat(task.get("status").asString()).isEqualTo("succeeded");
        assertThat(page).contains("key=[REDACTED]").contains("token=[REDACTED]").contains("aws=[REDACTED]");
        assertThat(page).contains("Your key is [REDACTED], sent as Bearer [REDACTED]");
        for (var sink : List.of(stream, page, task.toString(), output.getAll(), metrics())) {
            assertNoCanary(sink);
        }
    }

    @Test
    void whenTheProviderQuotesTheKeyInAnErrorThenNeitherTheTaskNorTheErrorEventsShowIt(CapturedOutput output) {
        var id = submit("leak-error", NaviHome.workspace("leak-error", "a.txt", "a"), null)
                .get("id")
                .asString();
        var task = awaitFinished(id);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/errors", "application/json").body().contains(id));

        assertThat(task.get("status").asString()).isEqualTo("failed");
        var sinks = List.of(
                task.toString(),
                get("/api/v1/tasks/" + id + "/events", "application/json").body(),
                get("/api/v1/errors", "application/json").body(),
                output.getAll());
        for (var sink : sinks) {
            assertNoCanary(sink);
        }
    }

    @Test
    void whenAPromptQuotesNavisOwnCredentialsThenNoSinkShowsThem(CapturedOutput output) {
        var created = post(
                "/api/v1/admin/api-keys",
                "{\"name\": \"canary\", \"tenant\": \"default\", \"scopes\": [\"tasks:read\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var credentials = List.of(adminToken(), parse(created).get("key").asString(), CANARY_AUDIT_KEY);
        var body = json.createObjectNode();
        body.put("prompt", "[sim:default] use " + String.join(" and ", credentials));
        body.putObject("workspace").put("path", NaviHome.workspace("leak-credentials", "a.txt", "a"));
        var submitted = post("/api/v1/tasks", json.writeValueAsString(body));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        var id = parse(submitted).get("id").asString();
        var task = awaitFinished(id);

        var sinks = List.of(
                submitted.body(),
                task.toString(),
                stream(id).toString(),
                get("/api/v1/tasks/" + id + "/events", "application/json").body(),
                get("/api/v1/tasks?limit=50", "application/json").body(),
                get("/api/v1/audit?limit=50", "application/json").body(),
                output.getAll(),
                metrics());
        assertThat(task.get("prompt").asString()).contains("[REDACTED]");
        for (var sink : sinks) {
            assertThat(credentials).allSatisfy(secret -> assertThat(sink).doesNotContain(secret));
        }
    }

    @Test
    void whenARequestQuotesASecretThenTheProblemDoesNot() {
        var problem = get("/api/v1/tasks/" + CANARY_KEY, "application/json");

        assertThat(problem.statusCode()).isEqualTo(400);
        assertNoCanary(problem.body());
    }

    private String metrics() {
        return get("/metrics", "text/plain").body();
    }

    private static void assertNoCanary(String sink) {
        for (var canary : CANARIES) {
            assertThat(sink).doesNotContain(canary);
        }
    }
}
