package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;

/**
 * Which git URLs a task may clone: https, http, ssh and git URLs (and {@code user@host:path}), and
 * {@code file://} URLs only inside the configured roots, never inside the tasks directory. Remote
 * helper transports ({@code ext::}, {@code fd::}) and anything that looks like a command-line option
 * are refused. Network URLs must not lead to internal addresses ({@link GitHostGuard}).
 */
final class GitUrlPolicy {

    private static final Set<String> NETWORK_SCHEMES = Set.of("https", "http", "ssh", "git");
    private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.~][\\w.~-]*@[\\w.][\\w.-]*:(?!//)[^\\s-]\\S*$");
    private static final Pattern REMOTE_HELPER = Pattern.compile("^[A-Za-z][\\w+.-]*::.*", Pattern.DOTALL);

    private final List<Path> fileRoots;
    private final Path tasksDirectory;
    private final GitHostGuard hosts;

    GitUrlPolicy(List<Path> fileRoots, Path tasksDirectory, GitHostGuard hosts) {
        this.fileRoots = List.copyOf(fileRoots);
        this.tasksDirectory = tasksDirectory;
        this.hosts = hosts;
    }

    /**
     * The URL to clone: the given one, or for {@code file://} the real path of the repository.
     *
     * @throws WorkspaceException INVALID for a refused URL, GIT_REPOSITORY_NOT_FOUND for a missing
     *     {@code file://} directory inside the roots, UNAVAILABLE for a host without an address
     */
    String cloneUrl(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("The git URL must not be blank.");
        }
        if (url.startsWith("-")) {
            throw invalid("The git URL '" + url + "' looks like a command-line option.");
        }
        if (REMOTE_HELPER.matcher(url).matches()) {
            throw invalid("The git URL '" + url + "' uses a remote helper transport ('"
                    + url.substring(0, url.indexOf("::") + 2) + "'), which is not allowed.");
        }
        if (SCP_LIKE.matcher(url).matches()) {
            hosts.check(url.substring(url.indexOf('@') + 1, url.indexOf(':')));
            return url;
        }
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if ("file".equals(scheme)) {
            return localRepository(url, uri).toUri().toString();
        }
        if (scheme == null || !NETWORK_SCHEMES.contains(scheme)) {
            throw invalid("The git URL '" + url + "' must use one of [git, http, https, ssh], the form "
                    + "user@host:path, or file:// inside the allowed directories.");
        }
        checkHost(url, uri);
        return url;
    }

    static void checkRef(String ref) {
        String fullName = ref.startsWith("refs/") ? ref : "refs/heads/" + ref;
        if (ref.isBlank() || ref.startsWith("-") || !Repository.isValidRefName(fullName)) {
            throw invalid("'" + ref + "' is not a valid git branch or tag name.");
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("The git URL '" + url + "' is not a valid URL: " + e.getReason() + ".");
        }
    }

    private void checkHost(String url, URI uri) {
        String authority = uri.getRawAuthority();
        if (authority != null && (authority.startsWith("-") || authority.contains("@-"))) {
            throw invalid("The git URL '" + url + "' looks like a command-line option.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("The git URL '" + url + "' has no host.");
        }
        hosts.check(uri.getHost());
    }

    private Path localRepository(String url, URI uri) {
        String host = uri.getHost();
        if (uri.getPath() == null || uri.getPath().isBlank() || uri.getRawQuery() != null) {
            throw invalid("The git URL '" + url + "' has no path.");
        }
        if (host != null && !host.isBlank() && !host.equalsIgnoreCase("localhost")) {
            throw invalid("The git URL '" + url + "' names another host; file:// URLs must be local.");
        }
        Path path = Path.of(uri.getPath()).normalize();
        if (!allowed(path)) {
            throw outsideRoots(url);
        }
        if (!Files.isDirectory(path)) {
            throw new WorkspaceException(Reason.GIT_REPOSITORY_NOT_FOUND, "No git repository at '" + url + "'.");
        }
        Path real = realPath(path, url);
        if (!allowed(real)) {
            throw outsideRoots(url);
        }
        return real;
    }

    /** Inside a root and outside the tasks directory, each compared both as configured and as a real path. */
    private boolean allowed(Path path) {
        if (forms(tasksDirectory).anyMatch(path::startsWith)) {
            return false;
        }
        return fileRoots.stream().flatMap(GitUrlPolicy::forms).anyMatch(path::startsWith);
    }

    private static Stream<Path> forms(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            return Stream.of(absolute, directory.toRealPath());
        } catch (IOException e) {
            return Stream.of(absolute);
        }
    }

    private static Path realPath(Path path, String url) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new WorkspaceException(Reason.GIT_REPOSITORY_NOT_FOUND, "No git repository at '" + url + "'.", e);
        }
    }

    private WorkspaceException outsideRoots(String url) {
        return invalid("The git URL '" + url + "' points outside the directories file:// URLs may use ("
                + "navi.workspace.git-file-roots).");
    }

    private static WorkspaceException invalid(String message) {
        return new WorkspaceException(Reason.INVALID, message);
    }
}
