package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import dev.navi.workspace.WorkspaceSource;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clones a repository at a branch or tag (the default branch when none is given) within a deadline. */
final class GitClone {

    private static final Logger log = LoggerFactory.getLogger(GitClone.class);

    private GitClone() {}

    /**
     * Clones {@code cloneUrl} (the checked form of {@code source.url()}, its host checked just before)
     * into {@code work}; each HTTP request, redirects included, is checked by {@code hosts} again.
     */
    static void cloneInto(
            WorkspaceSource.GitRepository source, String cloneUrl, Path work, Duration timeout, GitHostGuard hosts) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CloneCommand clone = Git.cloneRepository()
                .setURI(cloneUrl)
                .setDirectory(work.toFile())
                .setTimeout((int) Math.max(1, timeout.toSeconds()))
                .setTransportConfigCallback(GuardedHttp.configure(hosts))
                .setProgressMonitor(new EmptyProgressMonitor() {
                    @Override
                    public boolean isCancelled() {
                        return System.nanoTime() > deadline
                                || Thread.currentThread().isInterrupted();
                    }
                });
        if (source.ref() != null) {
            clone.setBranch(source.ref());
        }
        try (Git git = clone.call()) {
            log.debug("Cloned {} into {}", source.url(), git.getRepository().getWorkTree());
        } catch (GitAPIException | JGitInternalException e) {
            String why = System.nanoTime() > deadline
                    ? "it took longer than " + timeout
                    : GuardedHttp.refusal(e).map(Throwable::getMessage).orElse(e.getMessage());
            throw unavailable(source, why, e);
        }
    }

    private static WorkspaceException unavailable(WorkspaceSource.GitRepository source, String why, Throwable cause) {
        return new WorkspaceException(Reason.UNAVAILABLE, "Cannot clone " + source.url() + ": " + why + ".", cause);
    }
}
