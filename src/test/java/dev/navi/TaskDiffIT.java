package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.workspace.GitApply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Clients polling a running task's diff never disturb it, the stored diff applies with git apply, and a
 * task that only reads records no baseline.
 */
@UsesAnthropicSim
class TaskDiffIT extends NaviIntegrationTest {

    private static final int POLLERS = 4;
    private static final Predicate<String> IGNORED = path -> path.startsWith("build/");

    @Test
    void whenFourClientsPollTheDiffOfASevenTurnTaskThenAllAre200AndTheStoredDiffAppliesToTheSource() throws Exception {
        var workspace = NaviHome.workspace(
                "diff-polling",
                ".gitignore",
                "build/\n",
                "README.md",
                "# Demo\n",
                "old.txt",
                "old\n",
                "run.sh",
                "#!/bin/sh\necho run\n");
        var id = submit("diff-polling", workspace, null).get("id").asString();
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var done = new AtomicBoolean();

        try (ExecutorService pool = Executors.newFixedThreadPool(POLLERS)) {
            List<Future<?>> pollers = new ArrayList<>();
            for (int i = 0; i < POLLERS; i++) {
                pollers.add(pool.submit(() -> poll(id, done, statuses)));
            }
            var finished = awaitFinished(id);
            done.set(true);
            for (Future<?> poller : pollers) {
                poller.get();
            }

            assertThat(finished.get("status").asString()).isEqualTo("succeeded");
        }

        assertThat(statuses.keySet()).containsExactly(200);
        assertThat(statuses.get(200).get()).isGreaterThan(POLLERS);
        var stored = get("/api/v1/tasks/" + id + "/diff", "text/x-diff").body();
        assertThat(stored)
                .contains("diff --git a/src/app.py b/src/app.py", "+print('v2')")
                .contains("diff --git a/__pycache__/app.cpython-312.pyc", "GIT binary patch")
                .contains("+line 5", "deleted file mode", "new mode 100755")
                .doesNotContain("build/out.o", "Binary files differ");
        Path fresh = Files.createTempDirectory("navi-fresh");
        GitApply.toFreshCopy(NaviHome.WORKSPACES.resolve(workspace), stored, fresh.resolve("copy"));
        Map<String, String> applied = GitApply.files(fresh.resolve("copy"), IGNORED);
        assertThat(applied).isEqualTo(GitApply.files(NaviHome.HOME.resolve("tasks/" + id + "/work"), IGNORED));
        assertThat(applied)
                .containsKeys("src/app.py", "notes.md", "__pycache__/app.cpython-312.pyc")
                .doesNotContainKey("old.txt");
    }

    @Test
    void whenATaskOnlyReadsItsCopyThenItRecordsNoBaselineAndEndsWithTheEmptyDiff() {
        var workspace = NaviHome.workspace("read-only", "README.md", "# Read me");
        var id = submit("ops-multi-turn", workspace, null).get("id").asString();

        var finished = awaitFinished(id);

        assertThat(finished.get("status").asString()).isEqualTo("succeeded");
        var diff = get("/api/v1/tasks/" + id + "/diff", "text/x-diff");
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.body()).isEmpty();
        assertThat(NaviHome.HOME.resolve("tasks/" + id + "/work/README.md")).hasContent("# Read me");
        assertThat(NaviHome.HOME.resolve("tasks/" + id + "/baseline.git"))
                .as("no call could change the copy: no git work")
                .doesNotExist();
    }

    private void poll(String id, AtomicBoolean done, Map<Integer, AtomicInteger> statuses) {
        while (!done.get()) {
            int status = get("/api/v1/tasks/" + id + "/diff", "text/x-diff").statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        }
    }
}
