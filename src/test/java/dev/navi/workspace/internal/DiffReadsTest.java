package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.workspace.WorkspaceSource.LocalPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a diff writes nothing, tolerates concurrent readers, and is reused while the copy is unchanged. */
class DiffReadsTest {

    @TempDir
    Path temp;

    private TaskWorkspaces workspaces;
    private Path work;
    private Path baseline;
    private final UUID taskId = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        Path root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
        Path source = Files.createDirectories(root.resolve("project"));
        Files.writeString(source.resolve("a.txt"), "a\n");
        workspaces = TestSettings.of(root.getParent(), temp.resolve("tasks")).workspaces();
        work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
        baseline = temp.resolve("tasks").resolve(taskId.toString()).resolve("baseline.git");
    }

    @Test
    void whenDiffedThenTheBaselineRepositoryIsUnchanged() throws Exception {
        String before = TreeSnapshot.of(baseline);
        Files.writeString(work.resolve("a.txt"), "A\n");
        Files.writeString(work.resolve("b.txt"), "b\n");

        assertThat(workspaces.diff(taskId)).contains("+A", "+b");
        assertThat(workspaces.finalDiff(taskId)).contains("+A", "+b");
        assertThat(TreeSnapshot.of(baseline)).isEqualTo(before);
    }

    @Test
    void whenManyReadersDiffWhileFilesChangeThenNoneFailsAndTheFinalDiffHasEveryFile() throws Exception {
        List<Callable<String>> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            readers.add(() -> {
                String last = "";
                for (int round = 0; round < 20; round++) {
                    last = workspaces.diff(taskId);
                }
                return last;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> results = new ArrayList<>();
            readers.forEach(reader -> results.add(pool.submit(reader)));
            for (int i = 0; i < 40; i++) {
                Files.writeString(work.resolve("file-" + i + ".txt"), "content " + i + "\n");
            }
            for (Future<String> result : results) {
                assertThat(result.get()).doesNotContain("NAVI");
            }
        }

        String stored = workspaces.finalDiff(taskId);

        for (int i = 0; i < 40; i++) {
            assertThat(stored).contains("diff --git a/file-" + i + ".txt b/file-" + i + ".txt", "+content " + i);
        }
    }

    @Test
    void whenTheCopyIsUnchangedThenTheLastDiffIsReusedAndTheFinalDiffIsFresh() throws Exception {
        Path file = work.resolve("a.txt");
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.writeString(file, "one\n");
        Files.setLastModifiedTime(file, anHourAgo);
        String first = workspaces.diff(taskId);

        Files.writeString(file, "two\n");
        Files.setLastModifiedTime(file, anHourAgo);

        assertThat(workspaces.diff(taskId)).isEqualTo(first).contains("+one");
        assertThat(workspaces.finalDiff(taskId)).contains("+two");
    }

    @Test
    void whenAFileWasJustWrittenThenTheNextReadComputesAgain() throws Exception {
        Path file = work.resolve("a.txt");
        Files.writeString(file, "one\n");
        FileTime written = Files.getLastModifiedTime(file);
        assertThat(workspaces.diff(taskId)).contains("+one");

        Files.writeString(file, "two\n");
        Files.setLastModifiedTime(file, written);

        assertThat(workspaces.diff(taskId)).contains("+two");
    }
}
