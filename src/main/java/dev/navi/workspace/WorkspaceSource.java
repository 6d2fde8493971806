package dev.navi.workspace;

/** Where a task's workspace comes from. */
public sealed interface WorkspaceSource {

    /**
     * A directory relative to the task's tenant's directory under the workspaces root: {@code
     * <NAVI_WORKSPACES_ROOT>/<tenant>/<path>}.
     */
    record LocalPath(String path) implements WorkspaceSource {}

    /** Any URL JGit can clone ({@code file://} included), at {@code ref} (default branch when null). */
    record GitRepository(String url, String ref) implements WorkspaceSource {}
}
