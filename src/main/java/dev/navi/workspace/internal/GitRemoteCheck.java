package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;

/** Asks the git server, within a deadline, whether the repository exists and has the ref (an ls-remote). */
final class GitRemoteCheck {

    private GitRemoteCheck() {}

    /**
     * @param url what the client gave, for messages
     * @param cloneUrl what is asked
     */
    static void check(String url, String cloneUrl, String ref, Duration timeout, GitHostGuard hosts) {
        Collection<Ref> refs = listRefs(url, cloneUrl, timeout, hosts);
        if (ref != null && refs.stream().map(Ref::getName).noneMatch(candidates(ref)::contains)) {
            throw new WorkspaceException(
                    Reason.GIT_REF_NOT_FOUND, "The git repository '" + url + "' has no branch or tag '" + ref + "'.");
        }
    }

    private static Set<String> candidates(String ref) {
        return ref.startsWith(Constants.R_REFS) ? Set.of(ref) : Set.of(Constants.R_HEADS + ref, Constants.R_TAGS + ref);
    }

    private static Collection<Ref> listRefs(String url, String cloneUrl, Duration timeout, GitHostGuard hosts) {
        var refs = new AtomicReference<Collection<Ref>>();
        var failure = new AtomicReference<Exception>();
        Thread asking = Thread.ofVirtual().name("git-ls-remote").start(() -> {
            try {
                refs.set(Git.lsRemoteRepository()
                        .setRemote(cloneUrl)
                        .setTimeout((int) Math.max(1, timeout.toSeconds()))
                        .setTransportConfigCallback(GuardedHttp.configure(hosts))
                        .call());
            } catch (GitAPIException | JGitInternalException e) {
                failure.set(e);
            }
        });
        try {
            if (!asking.join(timeout)) {
                asking.interrupt();
                throw unavailable(url, "it did not answer within " + timeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            asking.interrupt();
            Thread.currentThread().interrupt();
            throw unavailable(url, "the check was interrupted", e);
        }
        if (failure.get() != null) {
            throw classified(url, failure.get());
        }
        return refs.get() == null ? List.of() : refs.get();
    }

    private static WorkspaceException classified(String url, Exception e) {
        var refused = GuardedHttp.refusal(e);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (e.getCause() instanceof NoRemoteRepositoryException) {
            return new WorkspaceException(Reason.GIT_REPOSITORY_NOT_FOUND, "No git repository at '" + url + "'.", e);
        }
        return unavailable(url, e.getMessage(), e);
    }

    private static WorkspaceException unavailable(String url, String why, Throwable cause) {
        return new WorkspaceException(
                Reason.UNAVAILABLE, "Cannot reach the git repository '" + url + "': " + why + ".", cause);
    }
}
