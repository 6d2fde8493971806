package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceSource;
import dev.navi.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Workspace settings for tests: the defaults, with the one value a test is about changed. */
record TestSettings(
        Path root,
        Path tasks,
        Duration cloneTimeout,
        long maxDiffBytes,
        long maxDiffFileSize,
        long maxCopyBytes,
        List<String> gitAllowedHosts,
        long maxCheckpointBytes) {

    /** The tenant tests prepare workspaces for: their sources live in {@code <root>/default}. */
    static final String TENANT = "default";

    static TestSettings of(Path root, Path tasks) {
        return new TestSettings(
                root, tasks, Duration.ofMinutes(1), 1_000_000, 1_000_000, 1L << 30, List.of(), 16L << 20);
    }

    TestSettings cloneTimeout(Duration timeout) {
        return new TestSettings(
                root, tasks, timeout, maxDiffBytes, maxDiffFileSize, maxCopyBytes, gitAllowedHosts, maxCheckpointBytes);
    }

    TestSettings maxDiffBytes(long bytes) {
        return new TestSettings(
                root, tasks, cloneTimeout, bytes, maxDiffFileSize, maxCopyBytes, gitAllowedHosts, maxCheckpointBytes);
    }

    TestSettings maxDiffFileSize(long bytes) {
        return new TestSettings(
                root, tasks, cloneTimeout, maxDiffBytes, bytes, maxCopyBytes, gitAllowedHosts, maxCheckpointBytes);
    }

    TestSettings maxCopyBytes(long bytes) {
        return new TestSettings(
                root, tasks, cloneTimeout, maxDiffBytes, maxDiffFileSize, bytes, gitAllowedHosts, maxCheckpointBytes);
    }

    TestSettings gitAllowedHosts(String... hosts) {
        return new TestSettings(
                root,
                tasks,
                cloneTimeout,
                maxDiffBytes,
                maxDiffFileSize,
                maxCopyBytes,
                List.of(hosts),
                maxCheckpointBytes);
    }

    TestSettings maxCheckpointBytes(long bytes) {
        return new TestSettings(
                root, tasks, cloneTimeout, maxDiffBytes, maxDiffFileSize, maxCopyBytes, gitAllowedHosts, bytes);
    }

    WorkspaceProperties properties() {
        return new WorkspaceProperties(
                root,
                tasks,
                cloneTimeout,
                maxDiffBytes,
                maxDiffFileSize,
                List.of(),
                Duration.ofSeconds(10),
                gitAllowedHosts,
                maxCopyBytes,
                Duration.ofDays(7),
                Duration.ofHours(1),
                Duration.ofMinutes(1),
                maxCheckpointBytes);
    }

    /** The task's copy, prepared for {@link #TENANT} once its baseline is recorded: tests may change it. */
    static Path prepared(Workspaces workspaces, UUID taskId, WorkspaceSource source) {
        Path work = workspaces.prepare(taskId, TENANT, source);
        try {
            workspaces.awaitBaseline(taskId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the baseline was recorded", e);
        }
        return work;
    }

    TaskWorkspaces workspaces() {
        return new TaskWorkspaces(properties());
    }

    TaskWorkspaces workspaces(CheckpointStore checkpoints, io.micrometer.core.instrument.MeterRegistry meters) {
        return new TaskWorkspaces(properties(), checkpoints, java.time.Clock.systemUTC(), meters);
    }
}
