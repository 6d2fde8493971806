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
    private final GitUrlPolicy gitUrls;
    private final Duration gitCheckTimeout;
    private final GitHostGuard hosts;

    SourceValidator(WorkspaceProperties properties, GitHostGuard hosts) {
        this.root = properties.root();
        this.gitUrls = new GitUrlPolicy(properties.gitFileRoots(), properties.tasksDirectory(), hosts);
        this.gitCheckTimeout = properties.gitCheckTimeout();
        this.hosts = hosts;
    }

    void validate(WorkspaceSource source) {
        switch (source) {
            case WorkspaceSource.LocalPath local -> localDirectory(local.path());
            case WorkspaceSource.GitRepository git -> checkGit(git);
        }
    }

    /** The real path of a local source directory, inside the real path of the root. */
    Path localDirectory(String path) {
        Path relative = checkedRelative(path);
        Path realRoot = realRoot();
        Path candidate = realRoot.resolve(relative).normalize();
        if (!Files.isDirectory(candidate)) {
            throw new WorkspaceException(Reason.NOT_FOUND, "No directory '" + path + "' under the workspaces root.");
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
    String cloneUrl(WorkspaceSource.GitRepository git) {
        if (git.ref() != null) {
            GitUrlPolicy.checkRef(git.ref());
        }
        return gitUrls.cloneUrl(git.url());
    }

    /** The checks of {@link #cloneUrl}, then the server is asked whether the repository and ref exist. */
    void checkGit(WorkspaceSource.GitRepository git) {
        GitRemoteCheck.check(git.url(), cloneUrl(git), git.ref(), gitCheckTimeout, hosts);
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

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new WorkspaceException(
                    Reason.UNAVAILABLE,
                    "The workspaces root '" + root + "' does not exist: create it, or set NAVI_WORKSPACES_ROOT to"
                            + " the directory that holds your workspaces.",
                    e);
        }
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
