package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.workspace.GitApply;
import dev.navi.workspace.RestoredCopy;
import dev.navi.workspace.WorkspaceSource;
import dev.navi.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task that changes its copy over several rounds leaves a checkpoint after each round that could
 * change files; {@code diff?at=} answers from them, and a copy restored from the last one is the copy.
 */
@UsesAnthropicSim
class WorkspaceCheckpointIT extends NaviIntegrationTest {

    private static final Predicate<String> IGNORED = path -> path.startsWith("build/");

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Test
    void whenATaskWritesFilesOverSeveralRoundsThenItsCheckpointsGiveEachStateAndRestoreTheCopy() throws Exception {
        var workspace = NaviHome.workspace(
                "checkpoints",
                ".gitignore",
                "build/\n",
                "README.md",
                "# Demo\n",
                "old.txt",
                "old\n",
                "run.sh",
                "#!/bin/sh\necho run\n");
        var id = submit("checkpoints", workspace, null).get("id").asString();
        assertThat(awaitFinished(id).get("status").asString()).isEqualTo("succeeded");
        var events = stored(stream(id));
        List<Long> results = seqsOf(events, "tool.result");
        List<Long> calls = seqsOf(events, "tool.call");
        assertThat(results).hasSize(5);

        List<Long> checkpoints = jdbc.sql("select seq from workspace_checkpoints where task_id = :task order by seq")
                .param("task", UUID.fromString(id))
                .query(Long.class)
                .list();
        // one after each call that could change files, tied to its tool.call (its result follows): the
        // read_file round (the third) has none
        assertThat(checkpoints).containsExactly(calls.get(0), calls.get(1), calls.get(3), calls.get(4));
        assertThat(results).allSatisfy(result -> assertThat(calls).contains(result - 1));

        Path copy = NaviHome.HOME.resolve("tasks/" + id + "/work");
        Path source = NaviHome.WORKSPACES.resolve(workspace);
        String afterSecondRound = diffAt(id, results.get(2));
        Path intermediate = Files.createTempDirectory("navi-checkpoint").resolve("copy");
        GitApply.toFreshCopy(source, afterSecondRound, intermediate);
        Map<String, String> files = GitApply.files(intermediate, IGNORED);
        assertThat(Files.readString(intermediate.resolve("src/app.py"))).isEqualTo("print('v1')\n");
        assertThat(files)
                .containsKeys("old.txt", "__pycache__/app.cpython-312.pyc")
                .containsEntry("readme-link", "link README.md")
                .doesNotContainEntry("run.sh", GitApply.files(copy, IGNORED).get("run.sh"));
        assertThat(afterSecondRound).contains("GIT binary patch").doesNotContain("build/out.o");

        assertThat(diffAt(id, calls.get(0) - 1)).isEmpty();
        String finalDiff = get("/api/v1/tasks/" + id + "/diff", "text/x-diff").body();
        assertThat(diffAt(id, Long.MAX_VALUE)).isEqualTo(finalDiff).contains("+print('v2')", "new mode 100755");

        Map<String, String> before = GitApply.files(copy, IGNORED);
        RestoredCopy restored = workspaces.restoreLatestCheckpoint(
                UUID.fromString(id), "default", new WorkspaceSource.LocalPath(workspace));
        assertThat(restored.seq()).isEqualTo(calls.get(4));
        assertThat(GitApply.files(restored.root(), IGNORED)).isEqualTo(before);
    }

    @Test
    void whenAtIsNotASeqThenTheAnswerIsAProblemAndAnUnknownTaskIsNotFound() {
        var missing = get("/api/v1/tasks/" + UUID.randomUUID() + "/diff?at=1", "text/x-diff");
        assertThat(missing.statusCode()).isEqualTo(404);
        for (var at : List.of("abc", "-1", "1.5", "")) {
            var refused = get("/api/v1/tasks/" + UUID.randomUUID() + "/diff?at=" + at, "text/x-diff");
            assertThat(refused.statusCode()).as("at=%s", at).isEqualTo(400);
            assertThat(refused.body()).contains("urn:navi:problem:invalid-request", "\"field\":\"at\"");
        }
    }

    private static List<Long> seqsOf(List<SseClient.Event> events, String type) {
        return events.stream()
                .filter(event -> event.type().equals(type))
                .map(event -> Long.parseLong(event.id()))
                .toList();
    }

    private String diffAt(String id, long seq) {
        var response = get("/api/v1/tasks/" + id + "/diff?at=" + seq, "text/x-diff");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
