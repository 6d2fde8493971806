package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource.GitRepository;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopySizeTest {

    private static final long CAP = 100_000;

    @TempDir
    Path temp;

    private Path root;
    private Path tasks;
    private TestSettings settings;
    private TaskWorkspaces workspaces;
    private final UUID taskId = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
        Files.createDirectories(root.resolve("small"));
        Files.write(root.resolve("small/data.bin"), new byte[10_000]);
        Files.createDirectories(root.resolve("large"));
        Files.write(root.resolve("large/a.bin"), new byte[60_000]);
        Files.write(root.resolve("large/b.bin"), new byte[60_000]);
        tasks = temp.resolve("tasks");
        settings = TestSettings.of(root.getParent(), tasks).maxCopyBytes(CAP);
        workspaces = settings.workspaces();
    }

    @Test
    void whenADirectoryIsLargerThanTheCapThenTheCopyFailsClearlyAndNothingIsLeft() {
        assertThatThrownBy(() -> workspaces.prepare(taskId, TestSettings.TENANT, new LocalPath("large")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("more than " + CAP + " bytes")
                .hasMessageContaining("navi.workspace.max-copy-bytes");
        assertThat(tasks.resolve(taskId.toString())).doesNotExist();
    }

    @Test
    void whenACloneIsLargerThanTheCapThenItFailsAndNothingIsLeft() throws Exception {
        Path repository = root.resolve("large");
        try (Git git = Git.init()
                .setDirectory(repository.toFile())
                .setInitialBranch("main")
                .call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("large").setSign(false).call();
        }

        assertThatThrownBy(() -> workspaces.prepare(
                        taskId,
                        TestSettings.TENANT,
                        new GitRepository(repository.toUri().toString(), "main")))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("The clone of");
        assertThat(tasks.resolve(taskId.toString())).doesNotExist();
    }

    @Test
    void whenTheCopyGrowsPastTheCapThenTheSizeCheckFails() throws Exception {
        Path work = TestSettings.prepared(workspaces, taskId, new LocalPath("small"));
        assertThatCode(() -> workspaces.checkSize(taskId)).doesNotThrowAnyException();

        Files.write(work.resolve("grown.bin"), new byte[(int) CAP]);

        assertThatThrownBy(() -> workspaces.checkSize(taskId))
                .isInstanceOfSatisfying(
                        WorkspaceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("The workspace copy of task " + taskId);
    }

    @Test
    void whenTheCopyIsUnderTheCapThenItsBaselineDoesNotCountTowardsIt() throws Exception {
        byte[] incompressible = new byte[70_000];
        new java.util.Random(7).nextBytes(incompressible);
        Files.createDirectories(root.resolve("random"));
        Files.write(root.resolve("random/noise.bin"), incompressible);
        TestSettings.prepared(workspaces, taskId, new LocalPath("random"));
        assertThat(DiskUsage.bytes(tasks.resolve(taskId.toString()))).isGreaterThan(CAP);

        assertThatCode(() -> workspaces.checkSize(taskId)).doesNotThrowAnyException();
    }

    @Test
    void whenMeasuredThenTheGaugeShowsTheBytesOfAllCopies() throws Exception {
        TestSettings.prepared(workspaces, taskId, new LocalPath("small"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DiskGauge gauge = new DiskGauge(settings.properties(), meters);
        assertThat(meters.get("navi_workspace_disk_bytes").gauge().value()).isZero();

        gauge.measure();

        long expected = DiskUsage.bytes(tasks);
        assertThat(expected).isGreaterThanOrEqualTo(10_000);
        assertThat(meters.get("navi_workspace_disk_bytes").gauge().value()).isEqualTo((double) expected);
    }
}
