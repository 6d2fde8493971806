package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** Error events through the running application: recorded from failed tasks and ERROR logs, listed, resolved. */
@UsesAnthropicSim
class ObservabilityErrorsIT extends NaviIntegrationTest {

    @Nested
    class FromTasks {

        @Test
        void whenATaskFailsWithAnLlmErrorThenAWarningIsRecordedAndCanBeResolvedUntilItRecurs() {
            var first = failWithLlmError("errors-llm-1");
            var recorded = awaitError(e -> first.equals(e.path("taskId").asString()));

            assertThat(recorded.get("component").asString()).isEqualTo("llm");
            assertThat(recorded.get("severity").asString()).isEqualTo("warning");
            assertThat(recorded.get("errorClass").asString()).isEqualTo("auth");
            assertThat(recorded.get("resolved").asBoolean()).isFalse();

            var resolved = post("/api/v1/errors/" + recorded.get("id").asString() + "/resolve", "");
            assertThat(resolved.statusCode()).isEqualTo(200);
            assertThat(parse(resolved).get("resolved").asBoolean()).isTrue();
            assertThat(parse(resolved).get("resolvedAt").isNull()).isFalse();
            assertThat(errors("?resolved=true").findValuesAsString("id"))
                    .contains(recorded.get("id").asString());

            var second = failWithLlmError("errors-llm-2");
            var recurred = awaitError(e -> second.equals(e.path("taskId").asString()));

            assertThat(recurred.get("id").asString())
                    .isEqualTo(recorded.get("id").asString());
            assertThat(recurred.get("count").asLong())
                    .isEqualTo(recorded.get("count").asLong() + 1);
            assertThat(recurred.get("resolved").asBoolean()).isFalse();
            assertThat(recurred.get("resolvedAt").isNull()).isTrue();
        }

        private String failWithLlmError(String workspace) {
            var id = submit("obs-auth-error", NaviHome.workspace(workspace), null)
                    .get("id")
                    .asString();
            assertThat(awaitFinished(id).get("stopReason").asString()).isEqualTo("llm_error");
            return id;
        }
    }

    @Nested
    class FromLogs {

        @Test
        void whenAModuleLogsAnErrorWithAnExceptionThenItIsRecordedWithItsTaskAndGrouped() {
            var taskId = UUID.randomUUID().toString();
            var marker = "planted " + UUID.randomUUID();
            MDC.put("taskId", taskId);
            try {
                logFailure(marker);
                logFailure(marker);
            } finally {
                MDC.remove("taskId");
            }

            var recorded = awaitError(e -> e.path("message").asString().contains(marker)
                    && e.path("count").asLong() == 2);

            assertThat(recorded.get("component").asString()).isEqualTo("tools");
            assertThat(recorded.get("errorClass").asString()).isEqualTo(IllegalStateException.class.getName());
            assertThat(recorded.get("severity").asString()).isEqualTo("error");
            assertThat(recorded.get("taskId").asString()).isEqualTo(taskId);
            assertThat(get("/metrics", "text/plain").body())
                    .contains("navi_error_events_total{component=\"tools\",severity=\"error\"}");
        }

        private void logFailure(String marker) {
            LoggerFactory.getLogger("dev.navi.tools.internal.PlantedFailure")
                    .error("Tool failed: " + marker, new IllegalStateException("disk on fire"));
        }
    }

    @Nested
    class Api {

        @Test
        void whenResolvingAnUnknownErrorThenNotFoundProblem() {
            var response = post("/api/v1/errors/" + UUID.randomUUID() + "/resolve", "");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:error-not-found");
        }

        @Test
        void whenThePageIsOutOfRangeThenInvalidRequestProblem() {
            var response = get("/api/v1/errors?size=0", "application/json");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:invalid-request");
        }

        @Test
        void whenListingThenPagedMostRecentFirst() {
            var page = errors("?page=0&size=1");

            assertThat(page.get("size").asInt()).isEqualTo(1);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
            assertThat(page.has("total")).isTrue();
        }
    }

    private JsonNode errors(String query) {
        var response = get("/api/v1/errors" + query, "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response);
    }

    private JsonNode awaitError(java.util.function.Predicate<JsonNode> matching) {
        var found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (var item : errors("?size=200").get("items")) {
                if (matching.test(item)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
