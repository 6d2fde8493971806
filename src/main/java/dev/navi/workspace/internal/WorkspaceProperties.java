package dev.navi.workspace.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where workspaces come from and where task copies live.
 *
 * @param root the directory that local workspace paths are relative to (set from {@code
 *     NAVI_WORKSPACES_ROOT})
 * @param tasksDirectory the directory holding each task's private copy and baseline
 * @param cloneTimeout how long cloning a git repository may take
 * @param maxDiffBytes the largest diff returned; files whose section would pass it are left out with a note
 * @param maxDiffFileSize the largest file a diff reads; a larger added, changed or deleted file is left
 *     out with a note
 */
@ConfigurationProperties("navi.workspace")
record WorkspaceProperties(
        Path root,
        Path tasksDirectory,
        @DefaultValue("5m") Duration cloneTimeout,
        @DefaultValue("5242880") long maxDiffBytes,
        @DefaultValue("2097152") long maxDiffFileSize) {

    WorkspaceProperties {
        Objects.requireNonNull(root, "navi.workspace.root must be set");
        Objects.requireNonNull(tasksDirectory, "navi.workspace.tasks-directory must be set");
    }
}
