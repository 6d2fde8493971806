/**
 * Workspaces: the private copy a task works on (from a directory under the workspaces root or a git
 * clone), and the unified diff of what the task changed.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workspaces",
        allowedDependencies = {})
package dev.navi.workspace;
