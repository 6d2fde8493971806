package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.FinishedTasks;
import dev.navi.workspace.GitApply;
import dev.navi.workspace.RestoredCopy;
import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Checkpoints stored in a real PostgreSQL with the real migrations, and copies restored from them. */
class WorkspaceCheckpointsTest {

    private static final byte[] PYC = {(byte) 0xcb, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 1, 2, 3, (byte) 0xff, 0, 'x'};
    private static final Predicate<String> IGNORED = path -> path.startsWith("build/");

    @TempDir
    static Path home;

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    @TempDir
    Path temp;

    private final UUID taskId = UUID.randomUUID();
    private long lastSeq;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CheckpointStore store;
    private Path root;
    private Path source;
    private TaskWorkspaces workspaces;
    private Path work;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(home.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        store = new CheckpointStore(jdbc);
        root = temp.resolve("workspaces");
        source = Files.createDirectories(root.resolve(TestSettings.TENANT).resolve("project"));
        Files.writeString(source.resolve(".gitignore"), "build/\n");
        Files.writeString(source.resolve("main.py"), "print('hi')\n");
        Files.write(source.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.write(source.resolve("old.bin"), new byte[] {0, 1, 2, 3});
        Files.writeString(source.resolve("run.sh"), "#!/bin/sh\n");
        Files.writeString(source.resolve("gone.txt"), "bye\n");
        workspaces = settings("tasks").workspaces(store, meters);
        work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
    }

    private TestSettings settings(String tasksDirectory) {
        return TestSettings.of(root, temp.resolve(tasksDirectory));
    }

    /** As the events module does when it stores an event of the task. */
    private void eventsStoredUpTo(long seq) {
        lastSeq = seq;
    }

    private void changeEverything() throws Exception {
        Files.writeString(work.resolve("main.py"), "print('hello')\nprint('again')\n");
        Files.write(work.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 2, 3});
        Files.createDirectories(work.resolve("__pycache__"));
        Files.write(work.resolve("__pycache__/main.pyc"), PYC);
        Files.delete(work.resolve("old.bin"));
        Files.delete(work.resolve("gone.txt"));
        Files.write(work.resolve("latin1.txt"), "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(work.resolve("empty.txt"), "");
        Files.setPosixFilePermissions(work.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(work.resolve("link"), Path.of("main.py"));
    }

    @Nested
    class Storing {

        @Test
        void whenACheckpointIsStoredThenItIsTiedToTheLastEventAndCounted() throws Exception {
            eventsStoredUpTo(7);
            Files.writeString(work.resolve("main.py"), "print('round one')\n");

            workspaces.checkpoint(taskId, lastSeq);

            assertThat(store.latest(taskId)).hasValueSatisfying(checkpoint -> {
                assertThat(checkpoint.seq()).isEqualTo(7);
                assertThat(checkpoint.diff()).contains("+print('round one')");
            });
            assertThat(meters.counter("navi_workspace_checkpoints").count()).isEqualTo(1);
            assertThat(meters.summary("navi_workspace_checkpoint_bytes").totalAmount())
                    .isGreaterThan(0);
        }

        @Test
        void whenACheckpointIsStoredBeforeAnythingAskedForTheBaselineThenItRecordsItFirst() throws Exception {
            UUID fresh = UUID.randomUUID();
            Path copy = workspaces.prepare(fresh, TestSettings.TENANT, new LocalPath("project"));

            workspaces.checkpoint(fresh, 3);

            assertThat(temp.resolve("tasks").resolve(fresh + "/baseline.git")).isDirectory();
            assertThat(store.latest(fresh))
                    .hasValueSatisfying(
                            checkpoint -> assertThat(checkpoint.diff()).isEmpty());
            Files.writeString(copy.resolve("main.py"), "print('changed')\n");
            assertThat(workspaces.finalDiff(fresh)).contains("+print('changed')");
        }

        @Test
        void whenDiffsAtSeveralSeqsAreAskedThenEachIsTheLatestCheckpointAtOrBeforeIt() throws Exception {
            eventsStoredUpTo(4);
            Files.writeString(work.resolve("main.py"), "print('round one')\n");
            workspaces.checkpoint(taskId, lastSeq);
            eventsStoredUpTo(9);
            Files.writeString(work.resolve("main.py"), "print('round two')\n");
            workspaces.checkpoint(taskId, lastSeq);

            assertThat(workspaces.checkpointDiff(taskId, 3)).hasValue("");
            assertThat(workspaces.checkpointDiff(taskId, 4))
                    .hasValueSatisfying(diff -> assertThat(diff).contains("+print('round one')"));
            assertThat(workspaces.checkpointDiff(taskId, 8))
                    .hasValueSatisfying(diff -> assertThat(diff).contains("+print('round one')"));
            assertThat(workspaces.checkpointDiff(taskId, 9)).hasValue(workspaces.finalDiff(taskId));
        }

        @Test
        void whenTheChangeIsLargerThanTheCapThenTheCheckpointFailsNamingTheSetting() throws Exception {
            TaskWorkspaces small = settings("tasks").maxCheckpointBytes(1000).workspaces(store, meters);
            Files.write(work.resolve("big.bin"), new byte[4000]);
            Files.writeString(work.resolve("big.txt"), "x\n".repeat(1000));

            assertThatThrownBy(() -> small.checkpoint(taskId, lastSeq))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                    .hasMessageContaining("navi.workspace.max-checkpoint-bytes");
            assertThat(store.latest(taskId)).isEmpty();
        }

        @Test
        void whenOneFileIsLargerThanTheCapThenTheCheckpointFailsToo() throws Exception {
            TaskWorkspaces small = settings("tasks").maxCheckpointBytes(100_000).workspaces(store, meters);
            byte[] noise = new byte[200_000];
            new java.util.Random(1).nextBytes(noise);
            Files.write(work.resolve("noise.bin"), noise);

            assertThatThrownBy(() -> small.checkpoint(taskId, lastSeq))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        }
    }

    @Nested
    class Restoring {

        @Test
        void whenACopyIsRestoredElsewhereThenItHoldsTheSameFilesAsAtTheCheckpoint() throws Exception {
            changeEverything();
            Files.createDirectories(work.resolve("build"));
            Files.write(work.resolve("build/out.o"), PYC);
            eventsStoredUpTo(12);
            workspaces.checkpoint(taskId, lastSeq);
            TaskWorkspaces replica = settings("replica-tasks").workspaces(store, meters);

            RestoredCopy restored =
                    replica.restoreLatestCheckpoint(taskId, TestSettings.TENANT, new LocalPath("project"));

            assertThat(restored.seq()).isEqualTo(12);
            assertThat(GitApply.files(restored.root(), IGNORED)).isEqualTo(GitApply.files(work, IGNORED));
            assertThat(GitApply.files(restored.root(), IGNORED))
                    .containsKeys("link", "empty.txt", "__pycache__/main.pyc")
                    .doesNotContainKeys("old.bin", "gone.txt");
            assertThat(restored.root().resolve("build")).doesNotExist();
            assertThat(replica.finalDiff(taskId)).isEqualTo(workspaces.finalDiff(taskId));
        }

        @Test
        void whenLinksOfTheSourceAreRetargetedOrReplacedThenTheRestoredCopyHasTheNewOnes() throws Exception {
            Files.createSymbolicLink(source.resolve("current"), Path.of("main.py"));
            Files.createSymbolicLink(source.resolve("was-link"), Path.of("main.py"));
            UUID linked = UUID.randomUUID();
            Path copy = TestSettings.prepared(workspaces, linked, new LocalPath("project"));
            Files.delete(copy.resolve("current"));
            Files.createSymbolicLink(copy.resolve("current"), Path.of("run.sh"));
            Files.delete(copy.resolve("was-link"));
            Files.writeString(copy.resolve("was-link"), "now a file\n");
            Files.delete(copy.resolve("run.sh"));
            Files.createSymbolicLink(copy.resolve("run.sh"), Path.of("main.py"));
            workspaces.checkpoint(linked, 1);
            TaskWorkspaces replica = settings("replica-tasks").workspaces(store, meters);

            RestoredCopy restored =
                    replica.restoreLatestCheckpoint(linked, TestSettings.TENANT, new LocalPath("project"));

            assertThat(GitApply.files(restored.root(), IGNORED)).isEqualTo(GitApply.files(copy, IGNORED));
        }

        @Test
        void whenTheTaskHasNoCheckpointThenTheCopyIsTheSourceAsPrepared() throws Exception {
            TaskWorkspaces replica = settings("replica-tasks").workspaces(store, meters);

            RestoredCopy restored =
                    replica.restoreLatestCheckpoint(taskId, TestSettings.TENANT, new LocalPath("project"));

            assertThat(restored.seq()).isZero();
            assertThat(GitApply.files(restored.root(), IGNORED)).isEqualTo(GitApply.files(source, IGNORED));
            assertThat(temp.resolve("replica-tasks").resolve(taskId + "/baseline.git"))
                    .as("recorded once a call is about to change the copy")
                    .doesNotExist();
            assertThat(replica.finalDiff(taskId)).isEmpty();
        }

        @Test
        void whenTheSourceChangedSinceTheTaskStartedThenRestoringFailsAndLeavesNoCopy() throws Exception {
            Files.writeString(work.resolve("main.py"), "print('task')\n");
            workspaces.checkpoint(taskId, lastSeq);
            Files.writeString(source.resolve("main.py"), "print('someone else')\n");
            TaskWorkspaces replica = settings("replica-tasks").workspaces(store, meters);

            assertThatThrownBy(() ->
                            replica.restoreLatestCheckpoint(taskId, TestSettings.TENANT, new LocalPath("project")))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE))
                    .hasMessageContaining("has changed since the task started");
            assertThat(temp.resolve("replica-tasks").resolve(taskId.toString())).doesNotExist();
        }
    }

    @Nested
    class Retention {

        private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

        private CopyRetention retention(Map<UUID, Optional<Instant>> endings) {
            // other tests' tasks share the database: they are still running here, so only this test's count
            FinishedTasks finished = ids ->
                    ids.stream().collect(Collectors.toMap(id -> id, id -> endings.getOrDefault(id, Optional.empty())));
            return new CopyRetention(
                    settings("tasks").properties(), finished, Clock.fixed(NOW, ZoneOffset.UTC), meters, store);
        }

        @Test
        void whenTheTaskEndedLongerAgoThanTheRetentionThenItsPatchesAreRemovedAndSaySo() throws Exception {
            Files.writeString(work.resolve("main.py"), "print('task')\n");
            eventsStoredUpTo(3);
            workspaces.checkpoint(taskId, lastSeq);

            int removed = retention(Map.of(taskId, Optional.of(NOW.minus(Duration.ofDays(8)))))
                    .sweepCheckpoints();

            assertThat(removed).isEqualTo(1);
            assertThat(workspaces.checkpointDiff(taskId, 3)).isEmpty();
            assertThat(workspaces.checkpointDiff(taskId, 2)).hasValue("");
            assertThatThrownBy(() -> settings("replica-tasks")
                            .workspaces(store, meters)
                            .restoreLatestCheckpoint(taskId, TestSettings.TENANT, new LocalPath("project")))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        }

        @Test
        void whenTheTaskRunsOrEndedRecentlyThenItsPatchesAreKept() throws Exception {
            Files.writeString(work.resolve("main.py"), "print('task')\n");
            workspaces.checkpoint(taskId, lastSeq);

            retention(Map.of(taskId, Optional.empty())).sweepCheckpoints();
            retention(Map.of(taskId, Optional.of(NOW.minus(Duration.ofDays(1)))))
                    .sweepCheckpoints();

            assertThat(workspaces.checkpointDiff(taskId, 0))
                    .hasValueSatisfying(diff -> assertThat(diff).contains("+print('task')"));
        }
    }
}
