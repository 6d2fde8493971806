package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.util.Optional;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * Checks the host of every HTTP request JGit makes, redirect targets included, with the {@link
 * GitHostGuard}: a redirect to an internal address is refused before it is followed.
 */
final class GuardedHttp implements HttpConnectionFactory2 {

    /** What JGit throws for a refused request; {@link #refusal} finds it again in JGit's exception. */
    static final class RefusedHost extends IOException {
        private final transient WorkspaceException refusal;

        RefusedHost(WorkspaceException refusal) {
            super(refusal.getMessage(), refusal);
            this.refusal = refusal;
        }
    }

    private final GitHostGuard guard;
    private final HttpConnectionFactory2 delegate;

    private GuardedHttp(GitHostGuard guard) {
        this.guard = guard;
        this.delegate = HttpTransport.getConnectionFactory() instanceof HttpConnectionFactory2 factory
                ? factory
                : new JDKHttpConnectionFactory();
    }

    /** Gives each HTTP transport of a command the guarded connections; other transports are left alone. */
    static TransportConfigCallback configure(GitHostGuard guard) {
        return transport -> {
            if (transport instanceof TransportHttp http) {
                http.setHttpConnectionFactory(new GuardedHttp(guard));
            }
        };
    }

    /** The guard's refusal inside a JGit exception, if that is why it failed. */
    static Optional<WorkspaceException> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedHost refused) {
                return Optional.of(refused.refusal);
            }
        }
        return Optional.empty();
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        check(url);
        return delegate.create(url);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        check(url);
        return delegate.create(url, proxy);
    }

    @Override
    public GitSession newSession() {
        return delegate.newSession();
    }

    private void check(URL url) throws RefusedHost {
        try {
            guard.check(url.getHost());
        } catch (WorkspaceException e) {
            throw new RefusedHost(e);
        }
    }
}
