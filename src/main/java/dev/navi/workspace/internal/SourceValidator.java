package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/** Checks of a workspace source at submission: nothing is copied or cloned here. */
final class SourceValidator {

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]+");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path root;
    private final java.util.List<Path> gitFileRoots;
    private final Path tasksDirectory;
    private final Duration gitCheckTimeout;
    private final GitHostGuard hosts;

    SourceValidator(WorkspaceProperties properties, GitHostGuard hosts) {
        this.root = properties.root();
        this.gitFileRoots = properties.gitFileRoots();
        this.tasksDirectory = properties.tasksDirectory();
        this.gitCheckTimeout = properties.gitCheckTimeout();
        this.hosts = hosts;
    }

    void validate(String tenant, WorkspaceSource source) {
        switch (source) {
            case WorkspaceSource.LocalPath local -> localDirectory(tenant, local.path());
            case WorkspaceSource.GitRepository git -> checkGit(tenant, git);
        }
    }

    /** The real path of a local source directory, inside the real path of the tenant's directory. */
    Path localDirectory(String tenant, String path) {
        Path relative = checkedRelative(path);
        Path realRoot = realRoot(TenantDirectory.of(root, tenant), path);
        Path candidate = realRoot.resolve(relative).normalize();
        if (!Files.isDirectory(candidate)) {
            throw notFound(path, null);
        }
        Path real = realPath(candidate, path);
        if (!real.startsWith(realRoot)) {
            throw new WorkspaceException(
                    Reason.INVALID, "Path '" + path + "' leads outside the workspaces root through a symbolic link.");
        }
        return real;
    }

    /**
     * The URL to clone after the syntax and policy checks; nothing is asked of the server. Called again
     * just before each clone, so the host's addresses are checked at submission and at clone time.
     */
    String cloneUrl(String tenant, WorkspaceSource.GitRepository git) {
        if (git.ref() != null) {
            GitUrlPolicy.checkRef(git.ref());
        }
        return gitUrls(tenant).cloneUrl(git.url());
    }

    /** The checks of {@link #cloneUrl}, then the server is asked whether the repository and ref exist. */
    void checkGit(String tenant, WorkspaceSource.GitRepository git) {
        GitRemoteCheck.check(git.url(), cloneUrl(tenant, git), git.ref(), gitCheckTimeout, hosts);
    }

    /** {@code file://} URLs stay in the tenant's directory unless the operator lists roots for everyone. */
    private GitUrlPolicy gitUrls(String tenant) {
        var tenantRoot = TenantDirectory.of(root, tenant);
        var fileRoots = gitFileRoots.isEmpty() ? java.util.List.of(tenantRoot) : gitFileRoots;
        return new GitUrlPolicy(fileRoots, tasksDirectory, hosts);
    }

    private static Path checkedRelative(String path) {
        if (path == null || path.isBlank()) {
            throw invalid("The workspace path must not be blank.");
        }
        if (path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).matches()) {
            throw invalid("The workspace path '" + path + "' must be relative to the workspaces root.");
        }
        if (SEPARATORS.splitAsStream(path).anyMatch(".."::equals)) {
            throw invalid("The workspace path '" + path + "' must not contain '..'.");
        }
        try {
            Path relative = Path.of(path);
            if (relative.isAbsolute()) {
                throw invalid("The workspace path '" + path + "' must be relative to the workspaces root.");
            }
            return relative;
        } catch (InvalidPathException e) {
            throw invalid("The workspace path '" + path + "' is not a valid path: " + e.getReason() + ".");
        }
    }

    /**
     * A tenant without a directory has no workspaces: NOT_FOUND, like a missing one. The root itself
     * missing is the operator's mistake.
     */
    private Path realRoot(Path tenantRoot, String path) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new WorkspaceException(
                    Reason.UNAVAILABLE,
                    "The workspaces root '" + root + "' does not exist: create it, or set NAVI_WORKSPACES_ROOT to"
                            + " the directory that holds your workspaces.",
                    e);
        }
        try {
            Path real = tenantRoot.toRealPath();
            if (!real.startsWith(realRoot) || real.equals(realRoot)) {
                throw new WorkspaceException(
                        Reason.INVALID, "The tenant's workspaces directory leads outside the workspaces root.");
            }
            return real;
        } catch (IOException e) {
            throw notFound(path, e);
        }
    }

    private static WorkspaceException notFound(String path, IOException cause) {
        return new WorkspaceException(
                Reason.NOT_FOUND, "No directory '" + path + "' among the tenant's workspaces.", cause);
    }

    private static Path realPath(Path candidate, String path) {
        try {
            return candidate.toRealPath();
        } catch (IOException e) {
            throw new WorkspaceException(Reason.NOT_FOUND, "Directory '" + path + "' cannot be resolved.", e);
        }
    }

    private static WorkspaceException invalid(String message) {
        return new WorkspaceException(Reason.INVALID, message);
    }
}
