package dev.navi.workspace.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Workspace settings for tests: the defaults, with the one value a test is about changed. */
record TestSettings(
        Path root,
        Path tasks,
        Duration cloneTimeout,
        long maxDiffBytes,
        long maxDiffFileSize,
        long maxCopyBytes,
        List<String> gitAllowedHosts) {

    /** The tenant tests prepare workspaces for: their sources live in {@code <root>/default}. */
    static final String TENANT = "default";

    static TestSettings of(Path root, Path tasks) {
        return new TestSettings(root, tasks, Duration.ofMinutes(1), 1_000_000, 1_000_000, 1L << 30, List.of());
    }

    TestSettings cloneTimeout(Duration timeout) {
        return new TestSettings(root, tasks, timeout, maxDiffBytes, maxDiffFileSize, maxCopyBytes, gitAllowedHosts);
    }

    TestSettings maxDiffBytes(long bytes) {
        return new TestSettings(root, tasks, cloneTimeout, bytes, maxDiffFileSize, maxCopyBytes, gitAllowedHosts);
    }

    TestSettings maxDiffFileSize(long bytes) {
        return new TestSettings(root, tasks, cloneTimeout, maxDiffBytes, bytes, maxCopyBytes, gitAllowedHosts);
    }

    TestSettings maxCopyBytes(long bytes) {
        return new TestSettings(root, tasks, cloneTimeout, maxDiffBytes, maxDiffFileSize, bytes, gitAllowedHosts);
    }

    TestSettings gitAllowedHosts(String... hosts) {
        return new TestSettings(root, tasks, cloneTimeout, maxDiffBytes, maxDiffFileSize, maxCopyBytes, List.of(hosts));
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
                16L << 20);
    }

    TaskWorkspaces workspaces() {
        return new TaskWorkspaces(properties());
    }
}
