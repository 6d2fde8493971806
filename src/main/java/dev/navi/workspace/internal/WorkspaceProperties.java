package dev.navi.workspace.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where workspaces come from, where task copies live, and how much disk they may take.
 *
 * @param root the directory holding one directory per tenant ({@code <root>/<tenant>}, the default
 *     tenant's is {@code <root>/default}) that the tenant's local workspace paths are relative to (set
 *     from {@code NAVI_WORKSPACES_ROOT})
 * @param tasksDirectory the directory holding each task's private copy and baseline
 * @param cloneTimeout how long cloning a git repository may take
 * @param maxDiffBytes the largest diff returned; files whose section would pass it are left out with a note
 * @param maxDiffFileSize the largest file a diff reads; a larger added, changed or deleted file is left
 *     out with a note
 * @param gitFileRoots the directories {@code file://} git URLs may point into, for every tenant
 *     (empty: each tenant's own directory under the workspaces root); the tasks directory is always
 *     refused
 * @param gitCheckTimeout how long the submission-time check of a git URL and ref may take
 * @param gitAllowedHosts host names and address blocks (CIDR, such as {@code 10.1.0.0/16}, or single
 *     addresses) that network git URLs may reach although they are internal: loopback, private,
 *     link-local, carrier-grade NAT, unique-local, multicast, reserved and unspecified addresses are
 *     refused otherwise; a listed host name is let through without being looked up
 * @param maxCopyBytes the most bytes a task's copy may hold, checked when it is made and after each
 *     round of tool calls that wrote files or ran a command
 * @param retention how long a finished task's copy and its checkpoints' patches are kept; its final
 *     diff and events stay in the database
 * @param sweepInterval how often copies past their retention are removed
 * @param diskUsageInterval how often the disk used by task copies is measured for the metrics
 * @param maxCheckpointBytes the largest checkpoint (a task's whole change to its copy, as a patch)
 *     stored after a round of tool calls that could have changed files; a task whose change is
 *     larger fails with {@code workspace_too_large}
 */
@ConfigurationProperties("navi.workspace")
record WorkspaceProperties(
        Path root,
        Path tasksDirectory,
        @DefaultValue("5m") Duration cloneTimeout,
        @DefaultValue("5242880") long maxDiffBytes,
        @DefaultValue("2097152") long maxDiffFileSize,
        @DefaultValue List<Path> gitFileRoots,
        @DefaultValue("10s") Duration gitCheckTimeout,
        @DefaultValue List<String> gitAllowedHosts,
        @DefaultValue("1073741824") long maxCopyBytes,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration sweepInterval,
        @DefaultValue("1m") Duration diskUsageInterval,
        @DefaultValue("16777216") long maxCheckpointBytes) {

    WorkspaceProperties {
        Objects.requireNonNull(root, "navi.workspace.root must be set");
        Objects.requireNonNull(tasksDirectory, "navi.workspace.tasks-directory must be set");
        gitAllowedHosts = gitAllowedHosts == null ? List.of() : List.copyOf(gitAllowedHosts);
        gitFileRoots = gitFileRoots == null ? List.of() : List.copyOf(gitFileRoots);
    }
}
