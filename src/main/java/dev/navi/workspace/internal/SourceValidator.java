package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/** Cheap checks of a workspace source: nothing is copied or cloned here. */
final class SourceValidator {

    private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git", "file");
    private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.~-]+@[\\w.-]+:(?!//)\\S+$");
    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]+");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path root;

    SourceValidator(Path root) {
        this.root = root;
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

    void checkGit(WorkspaceSource.GitRepository git) {
        String url = git.url();
        if (url == null || url.isBlank()) {
            throw invalid("The git URL must not be blank.");
        }
        if (!SCP_LIKE.matcher(url).matches()) {
            checkUri(url);
        }
        if (git.ref() != null) {
            checkRef(git.ref());
        }
    }

    private static void checkUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("The git URL '" + url + "' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw invalid("The git URL '" + url + "' must use one of "
                    + SCHEMES.stream().sorted().toList() + " or the form user@host:path.");
        }
        if (scheme.equals("file") ? isBlank(uri.getPath()) : isBlank(uri.getHost())) {
            throw invalid("The git URL '" + url + "' has no " + (scheme.equals("file") ? "path." : "host."));
        }
    }

    private static void checkRef(String ref) {
        String fullName = ref.startsWith("refs/") ? ref : "refs/heads/" + ref;
        if (ref.isBlank() || ref.startsWith("-") || !Repository.isValidRefName(fullName)) {
            throw invalid("'" + ref + "' is not a valid git branch or tag name.");
        }
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

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static WorkspaceException invalid(String message) {
        return new WorkspaceException(Reason.INVALID, message);
    }
}
