package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.workspace.FinishedTasks;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path temp;

    private Path tasks;
    private TaskWorkspaces workspaces;
    private final Map<UUID, Instant> endedAt = new HashMap<>();
    private final Set<UUID> known = new HashSet<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CopyRetention retention;

    /** As the tasks module answers: known tasks only, with their end when they ended. */
    private final FinishedTasks finished = ids -> ids.stream()
            .filter(known::contains)
            .collect(Collectors.toMap(id -> id, id -> Optional.ofNullable(endedAt.get(id))));

    @BeforeEach
    void setUp() throws Exception {
        Path root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
        Files.createDirectories(root.resolve("project"));
        Files.writeString(root.resolve("project/README.md"), "hello\n");
        tasks = temp.resolve("tasks");
        TestSettings settings = TestSettings.of(root.getParent(), tasks);
        workspaces = settings.workspaces();
        retention = new CopyRetention(settings.properties(), finished, Clock.fixed(NOW, ZoneOffset.UTC), meters, null);
    }

    private UUID copyOf(Instant ended) {
        UUID id = UUID.randomUUID();
        TestSettings.prepared(workspaces, id, new LocalPath("project"));
        known.add(id);
        if (ended != null) {
            endedAt.put(id, ended);
        }
        return id;
    }

    @Test
    void whenATaskEndedLongerAgoThanTheRetentionThenItsCopyIsRemovedAndCounted() throws Exception {
        UUID old = copyOf(NOW.minus(Duration.ofDays(8)));

        assertThat(retention.sweep()).isEqualTo(1);

        assertThat(tasks.resolve(old.toString())).doesNotExist();
        assertThat(meters.get("navi_workspace_copies_removed").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void whenATaskEndedWithinTheRetentionThenItsCopyIsKept() throws Exception {
        UUID recent = copyOf(NOW.minus(Duration.ofDays(6)));

        assertThat(retention.sweep()).isZero();

        assertThat(tasks.resolve(recent.toString()).resolve("work/README.md")).exists();
    }

    @Test
    void whenATaskIsStillRunningThenItsCopyIsKeptHoweverOld() throws Exception {
        UUID running = copyOf(null);
        UUID old = copyOf(NOW.minus(Duration.ofDays(30)));

        retention.sweep();

        assertThat(tasks.resolve(running.toString()).resolve("work/README.md")).exists();
        assertThat(tasks.resolve(old.toString())).doesNotExist();
    }

    @Test
    void whenNoTaskOwnsACopyOlderThanTheRetentionThenItIsRemoved() throws Exception {
        UUID orphan = copyOf(null);
        known.remove(orphan);
        Files.setLastModifiedTime(tasks.resolve(orphan.toString()), FileTime.from(NOW.minus(Duration.ofDays(8))));

        retention.sweep();

        assertThat(tasks.resolve(orphan.toString())).doesNotExist();
    }

    @Test
    void whenNoTaskOwnsARecentCopyThenItIsKept() throws Exception {
        UUID stranger = copyOf(null);
        known.remove(stranger);
        Files.setLastModifiedTime(tasks.resolve(stranger.toString()), FileTime.from(NOW.minus(Duration.ofDays(1))));

        assertThat(retention.sweep()).isZero();

        assertThat(tasks.resolve(stranger.toString())).isDirectory();
    }

    @Test
    void whenTheTasksDirectoryHoldsOtherEntriesThenTheyAreLeftAlone() throws Exception {
        copyOf(NOW.minus(Duration.ofDays(8)));
        Path stranger = Files.createDirectories(tasks.resolve("not-a-task"));
        Path file = Files.writeString(tasks.resolve("notes.txt"), "x");

        assertThat(retention.sweep()).isEqualTo(1);

        assertThat(stranger).isDirectory();
        assertThat(file).exists();
    }

    @Test
    void whenThereAreNoCopiesThenNothingIsAsked() throws Exception {
        CopyRetention noQuestions = new CopyRetention(
                TestSettings.of(temp, temp.resolve("none")).properties(),
                ids -> {
                    throw new AssertionError("asked about " + ids);
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                meters,
                null);

        assertThat(noQuestions.sweep()).isZero();
    }
}
