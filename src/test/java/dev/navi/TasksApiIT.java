package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tasks API: bad input is a 4xx problem that stores nothing; listing, git workspaces, probes. */
@UsesAnthropicSim
class TasksApiIT extends NaviIntegrationTest {

    @Nested
    class BadInput {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "{not json",
                    "[]",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api\"}, \"colour\": \"red\"}",
                    "{\"prompt\": 42, \"workspace\": {\"path\": \"api\"}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api\"}, \"limits\": {\"maxTokens\": \"5\"}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": true}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api\"}, \"limits\": {\"maxIterations\": \"many\"}}",
                    "{\"prompt\": \"\", \"workspace\": {\"path\": \"api\"}}",
                    "{\"prompt\": \"   \", \"workspace\": {\"path\": \"api\"}}",
                    "{\"prompt\": \"x\"}",
                    "{\"prompt\": \"x\", \"workspace\": {}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api\", \"git\": \"file:///tmp/x\"}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"../etc\"}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api/../../etc\"}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"/etc\"}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"no-such-workspace\"}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"git\": \"\"}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api\"}, \"limits\": {\"maxIterations\": 0}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api\"}, \"limits\": {\"maxDurationSeconds\": 999999}}",
                    "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api\"}, \"limits\": {\"maxCostUsd\": -1}}"
                })
        void whenSubmissionIsBadThenProblemAndNothingStored(String body) {
            NaviHome.workspace("api", "a.txt", "a");
            long before = totalTasks();

            var response = post("/api/v1/tasks", body);

            assertProblem(response);
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(totalTasks()).isEqualTo(before);
        }

        @Test
        void whenPromptIsOneMegabyteThenRejected() {
            NaviHome.workspace("api", "a.txt", "a");
            var body = json.createObjectNode();
            body.put("prompt", "x".repeat(1024 * 1024));
            body.putObject("workspace").put("path", "api");

            var response = post("/api/v1/tasks", json.writeValueAsString(body));

            assertProblem(response);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(parse(response).get("field").asString()).isEqualTo("prompt");
        }

        @Test
        void whenTheBodyIsLargerThanTheLimitThenPayloadTooLargeBeforeItIsRead() {
            var body = "{\"prompt\": \"" + "x".repeat(3 * 1024 * 1024) + "\", \"workspace\": {\"path\": \"api\"}}";

            var response = post("/api/v1/tasks", body);

            assertProblem(response);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:payload-too-large");
        }

        @Test
        void whenUnknownFieldThenTheProblemNamesIt() {
            NaviHome.workspace("api", "a.txt", "a");
            var response =
                    post("/api/v1/tasks", "{\"prompt\": \"x\", \"workspace\": {\"path\": \"api\"}, \"colour\": 1}");

            assertThat(parse(response).get("detail").asString()).contains("colour");
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:malformed-request");
        }

        @Test
        void whenContentTypeIsNotJsonThenUnsupportedMediaType() {
            var response = send(HttpRequest.newBuilder(uri("/api/v1/tasks"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("hello"))
                    .build());

            assertProblem(response);
            assertThat(response.statusCode()).isEqualTo(415);
        }

        @ParameterizedTest
        @CsvSource({
            "/api/v1/tasks/not-a-uuid, 400, invalid-request",
            "/api/v1/tasks/00000000-0000-0000-0000-000000000000, 404, task-not-found",
            "/api/v1/tasks/00000000-0000-0000-0000-000000000000/diff, 404, task-not-found",
            "/api/v1/tasks?status=done, 400, invalid-request",
            "/api/v1/tasks?cursor=garbage, 400, invalid-request",
            "/api/v1/tasks?limit=0, 400, invalid-request",
            "/api/v1/tasks?limit=100000, 400, invalid-request",
            "/api/v1/nothing-here, 404, not-found"
        })
        void whenReadingSomethingWrongThenProblem(String path, int status, String type) {
            var response = get(path, "*/*");

            assertProblem(response);
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:" + type);
        }

        @Test
        void whenStreamingAnUnknownTaskThenNotFound() {
            var response = get("/api/v1/tasks/00000000-0000-0000-0000-000000000000/events", "text/event-stream");

            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Listing {

        @Test
        void whenPagingThenEveryTaskAppearsOnceNewestFirst() {
            var workspace = NaviHome.workspace("listing", "a.txt", "a");
            var ids = new java.util.ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                ids.add(submit("default", workspace, null).get("id").asString());
            }
            ids.forEach(TasksApiIT.this::awaitFinished);

            var seen = new java.util.ArrayList<String>();
            String cursor = null;
            do {
                var page = parse(get(
                        "/api/v1/tasks?status=succeeded&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                        "application/json"));
                page.get("items").forEach(item -> seen.add(item.get("id").asString()));
                cursor = page.get("nextCursor").isNull()
                        ? null
                        : page.get("nextCursor").asString();
            } while (cursor != null);

            assertThat(seen).doesNotHaveDuplicates();
            assertThat(seen).containsSubsequence(ids.reversed());
        }

        @Test
        void whenSubmittedThenLocationPointsAtTheTask() {
            var workspace = NaviHome.workspace("location", "a.txt", "a");
            var body = "{\"prompt\": \"[sim:default] location\", \"workspace\": {\"path\": \"" + workspace + "\"}}";

            var response = post("/api/v1/tasks", body);

            assertThat(response.statusCode()).isEqualTo(201);
            var location = response.headers().firstValue("Location").orElseThrow();
            assertThat(location)
                    .endsWith("/api/v1/tasks/" + parse(response).get("id").asString());
        }
    }

    @Nested
    class GitWorkspace {

        @Test
        void whenWorkspaceIsAGitUrlThenTheTaskRunsOnAClone() throws Exception {
            var repo = Files.createTempDirectory(NaviHome.WORKSPACES, "git-source");
            try (var git = Git.init()
                    .setDirectory(repo.toFile())
                    .setInitialBranch("main")
                    .call()) {
                Files.writeString(repo.resolve("README.md"), "from git\n");
                git.add().addFilepattern(".").call();
                git.commit()
                        .setMessage("init")
                        .setAuthor("t", "t@example.org")
                        .setSign(false)
                        .call();
            }
            var body = json.createObjectNode();
            body.put("prompt", "[sim:create-file] git " + repo.getFileName());
            body.putObject("workspace").put("git", repo.toUri().toString()).put("ref", "main");

            var id = parse(post("/api/v1/tasks", json.writeValueAsString(body)))
                    .get("id")
                    .asString();
            var finished = awaitFinished(id);

            assertThat(finished.get("status").asString()).isEqualTo("succeeded");
            assertThat(get("/api/v1/tasks/" + id + "/diff", "text/x-diff").body())
                    .contains("+hi");
            assertThat(repo.resolve("hello.txt")).doesNotExist();
        }
    }

    @Nested
    class Operations {

        @Test
        void whenProbedThenLiveReadyMetricsAndOpenApiAnswer() {
            assertThat(get("/health/live", "application/json").statusCode()).isEqualTo(200);
            assertThat(get("/health/ready", "application/json").statusCode()).isEqualTo(200);
            var metrics = get("/metrics", "text/plain");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("navi_sse_streams_open");
            var openapi = get("/api/openapi", "application/json");
            assertThat(openapi.statusCode()).isEqualTo(200);
            assertThat(openapi.body()).contains("/api/v1/tasks/{id}/cancel");
        }
    }

    private long totalTasks() {
        return parse(get("/api/v1/tasks?limit=100", "application/json"))
                .get("items")
                .size();
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .as("%s %s", response.statusCode(), response.body())
                .hasValue("application/problem+json");
    }
}
