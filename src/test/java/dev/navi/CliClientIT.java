package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.navi.cli.internal.ExitCodes;
import dev.navi.workspace.GitApply;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client commands, run in-process against a real NAVI and llm-sim. */
@UsesAnthropicSim
class CliClientIT extends NaviIntegrationTest {

    private static final Pattern SUBMITTED = Pattern.compile("submitted task ([0-9a-f-]{36})");
    private static final Pattern APPROVE = Pattern.compile("navi approve ([0-9a-f-]{36}) ([0-9a-f-]{36})");

    @TempDir
    Path temp;

    private Map<String, String> environment() {
        return Map.of("NAVI_URL", "http://127.0.0.1:" + port, "NAVI_TOKEN", adminToken(), "NAVI_HOME", temp.toString());
    }

    private CliRun.Result navi(String... args) {
        return CliRun.run(environment(), args);
    }

    private static String prompt(String script) {
        return "[sim:" + script + "] " + UUID.randomUUID();
    }

    @Nested
    class Follow {

        @Test
        void whenASubmittedTaskIsFollowedThenItsStepsArePrintedInOrderAndItExitsZero() {
            var workspace = NaviHome.workspace("cli-follow", "README.md", "# Follow\n");

            var run = navi("submit", "--workspace", workspace, "--follow", prompt("create-file"));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SUCCEEDED);
            assertThat(run.err()).containsPattern(SUBMITTED);
            assertThat(run.out().lines())
                    .satisfiesExactly(
                            line -> assertThat(line).startsWith("queued").contains("model claude-sim"),
                            line -> assertThat(line).startsWith("started"),
                            line -> assertThat(line).startsWith("[1] llm").contains("-> write_file"),
                            line -> assertThat(line).startsWith("[1] tool").contains("write_file hello.txt  ok"),
                            line -> assertThat(line).startsWith("[2] llm").contains("-> run_command"),
                            line -> assertThat(line)
                                    .startsWith("[2] tool")
                                    .contains("run_command cat hello.txt  exit 0"),
                            line -> assertThat(line).startsWith("[3] llm").contains("\"Created hello.txt.\""),
                            line -> assertThat(line).startsWith("succeeded").contains("Created hello.txt."),
                            line -> assertThat(line)
                                    .startsWith("succeeded | ")
                                    .contains("iteration 3")
                                    .contains("tokens")
                                    .contains("$"));
            assertThat(run.out()).doesNotContain("\r").doesNotContain("\u001b");
        }

        @Test
        void whenFollowedAsJsonThenEachLineIsOneEventWithConsecutiveSeqs() {
            var workspace = NaviHome.workspace("cli-json", "README.md", "# Json\n");

            var run = navi("submit", "--workspace", workspace, "--follow", "--json", prompt("create-file"));

            assertThat(run.exitCode()).isEqualTo(ExitCodes.SUCCEEDED);
            var lines = run.out().lines().map(json::readTree).toList();
            assertThat(lines).isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                assertThat(lines.get(i).get("seq").asLong()).isEqualTo(i + 1L);
            }
            assertThat(lines.getFirst().get("type").asString()).isEqualTo("task.queued");
            assertThat(lines.getLast().get("type").asString()).isEqualTo("task.succeeded");
        }

        @Test
        void whenTheTaskFailsThenTheCommandExitsOne() {
            var workspace = NaviHome.workspace("cli-fails", "a.txt", "a");

            var run = navi("submit", "--workspace", workspace, "--max-iterations", "1", "--follow", prompt("busy"));

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.out()).contains("failed     max_iterations: Stopped after 1 iterations");
        }

        @Test
        void whenTheTaskIsCancelledWhileFollowedThenTheCommandExitsThree() {
            var workspace = NaviHome.workspace("cli-cancel", "a.txt", "a");
            var follower = new CliRun(environment());
            var exit = CompletableFuture.supplyAsync(
                    () -> follower.execute("submit", "--workspace", workspace, "--follow", prompt("hang")));
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.out().contains("started"));
            var matcher = SUBMITTED.matcher(follower.err());
            assertThat(matcher.find()).isTrue();

            var cancel = navi("cancel", matcher.group(1));

            assertThat(cancel.exitCode()).as(cancel.err()).isZero();
            assertThat(cancel.out()).contains("cancel requested for task " + matcher.group(1));
            assertThat(exit.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join())
                    .isEqualTo(ExitCodes.CANCELLED);
            assertThat(follower.out()).contains("cancelled");
        }

        @Test
        void whenTheConnectionDropsMidStreamThenTheWatcherResumesAndShowsEachEventOnce() throws Exception {
            var id = submit("create-file", NaviHome.workspace("cli-resume", "README.md", "# R\n"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);
            var direct = navi("watch", id, "--json");

            try (var proxy = new CuttingProxy(port, 2, 2)) {
                var cut = navi("watch", id, "--json", "--base-url", "http://127.0.0.1:" + proxy.port());

                assertThat(cut.exitCode()).as(cut.err()).isZero();
                assertThat(cut.out()).isEqualTo(direct.out());
                assertThat(cut.err())
                        .contains("reconnecting...")
                        .containsPattern("reconnected, resuming after event [1-9]");
                assertThat(proxy.connections()).isGreaterThan(2);
            }
        }

        @Test
        void whenWatchingAFinishedTaskThenItsWholeStoryIsReplayedWithItsOutcome() {
            var id = submit("create-file", NaviHome.workspace("cli-watch", "README.md", "# W\n"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);

            var run = navi("watch", id);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("run_command cat hello.txt  exit 0").contains("succeeded |");
        }
    }

    @Nested
    class Reading {

        @Test
        void whenTheDiffIsPrintedThenItIsTheApisAndAppliesToAFreshCopy() throws Exception {
            var workspace = NaviHome.workspace("cli-diff", "README.md", "# Diff\n");
            var id = submit("create-file", workspace, null).get("id").asString();
            awaitFinished(id);

            var run = navi("diff", id);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .isEqualTo(
                            get("/api/v1/tasks/" + id + "/diff", "text/x-diff").body())
                    .contains("hello.txt");
            var copy = temp.resolve("copy");
            GitApply.toFreshCopy(NaviHome.WORKSPACES.resolve(workspace), run.out(), copy);
            assertThat(Files.readString(copy.resolve("hello.txt"))).isEqualTo("hi\n");
        }

        @Test
        void whenTasksAreListedThenTheTableShowsTheNewestWithTheirStatus() {
            var id = submit("default", NaviHome.workspace("cli-list", "a.txt", "a"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);

            var run = navi("tasks", "--status", "succeeded", "--limit", "50");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out().lines().findFirst())
                    .hasValueSatisfying(header ->
                            assertThat(header).startsWith("ID").contains("STATUS", "AGE", "ITER", "COST", "PROMPT"));
            assertThat(run.out()).containsPattern(id + "\\s+succeeded\\s+\\d+[smhd]\\s+1\\s+\\$\\d");
        }

        @Test
        void whenATaskIsShownThenItsFieldsArePrinted() {
            var id = submit("default", NaviHome.workspace("cli-show", "a.txt", "a"), null)
                    .get("id")
                    .asString();
            awaitFinished(id);

            var run = navi("show", id);
            var asJson = navi("show", id, "--json");

            assertThat(run.out()).contains("id          " + id).contains("status      succeeded (completed)");
            assertThat(json.readTree(asJson.out()).get("id").asString()).isEqualTo(id);
        }
    }

    @Nested
    class Approvals {

        @Test
        void whenAWaitingCallIsApprovedFromTheCommandLineThenTheTaskGoesOnAndSucceeds() {
            var workspace = NaviHome.workspace("cli-approve", "README.md", "# Approve\n");
            var id = navi("submit", "--workspace", workspace, "--approvals", "commands", prompt("approval-command"))
                    .out()
                    .strip();
            awaitStatus(id, Set.of("waiting_approval"));
            var shown = navi("show", id);
            var matcher = APPROVE.matcher(shown.out());
            assertThat(matcher.find()).as(shown.out()).isTrue();

            var approved = navi("approve", id, matcher.group(2), "--reason", "fine by me");
            var watched = navi("watch", id);

            assertThat(approved.exitCode()).as(approved.err()).isZero();
            assertThat(approved.out()).contains("is approved");
            assertThat(watched.exitCode()).isZero();
            assertThat(watched.out())
                    .contains("navi approve " + id + " " + matcher.group(2))
                    .contains("decided    approve by")
                    .contains(": fine by me")
                    .contains("run_command echo approved-run > ran.txt && cat ran.txt  exit 0");
        }

        @Test
        void whenAWaitingCallIsDeniedThenTheModelHearsWhyAndASecondDecisionIsRefused() {
            var workspace = NaviHome.workspace("cli-deny", "README.md", "# Deny\n");
            var id = navi("submit", "--workspace", workspace, "--approvals", "commands", prompt("approval-command"))
                    .out()
                    .strip();
            awaitStatus(id, Set.of("waiting_approval"));
            var approval = parse(get("/api/v1/tasks/" + id + "/approvals", "application/json"))
                    .get("items")
                    .get(0)
                    .get("id")
                    .asString();

            var denied = navi("deny", id, approval, "--reason", "not here");
            var again = navi("approve", id, approval);

            assertThat(denied.exitCode()).isZero();
            assertThat(denied.out()).contains("is denied");
            assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(again.err()).contains("HTTP 409");
            assertThat(navi("watch", id).out())
                    .containsPattern("run_command echo approved-run .* failed .*: denied by .*: not here");
        }
    }

    @Nested
    class Errors {

        @Test
        void whenNaviCannotBeReachedThenItSaysWhereItLookedAndExitsFour() throws Exception {
            int closed;
            try (var socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }

            var run = navi("tasks", "--base-url", "http://127.0.0.1:" + closed);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(run.err())
                    .contains("cannot reach NAVI at http://127.0.0.1:" + closed)
                    .contains("--base-url or NAVI_URL");
        }

        @Test
        void whenTheTokenIsRefusedThenTheMessageSaysSoAndItExitsOne() {
            var run = CliRun.run(Map.of("NAVI_URL", "http://127.0.0.1:" + port, "NAVI_TOKEN", "not-a-token"), "tasks");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err()).contains("NAVI refused the credentials").contains("HTTP 401");
        }

        @Test
        void whenTheTaskDoesNotExistThenTheMessageSaysNotFound() {
            var missing = UUID.randomUUID().toString();

            var shown = navi("show", missing);
            var watched = navi("watch", missing);

            assertThat(shown.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(shown.err()).contains("not found: HTTP 404");
            assertThat(watched.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(watched.err()).contains("not found: HTTP 404");
            assertThat(watched.out()).isEmpty();
        }

        @Test
        void whenTheCommandIsMisusedThenItExitsTwo() {
            assertThat(navi("submit", "no workspace given").exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(navi("submit", "--workspace", "a", "--git", "https://example.com/r.git", "both")
                            .exitCode())
                    .isEqualTo(ExitCodes.USAGE);
            var badId = navi("show", "not-an-id");
            assertThat(badId.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(badId.err()).contains("task id 'not-an-id' is not a UUID");
        }
    }
}
