package dev.navi.web.internal;

import dev.navi.security.ConsoleIdentityProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response says {@code nosniff} and {@code no-referrer}, and is {@code no-store} unless the handler
 * chose its own caching (the event stream's {@code no-cache}), which then replaces the default rather than
 * adding a second {@code Cache-Control}. Its Content-Security-Policy lets nothing load or run, except on
 * the web console's page and files, which may load scripts, styles and images from NAVI itself and call
 * its API (and the OpenID Connect issuer the console signs in at, if any), and nothing inline. Runs before the filters that answer with problems of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 80)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String NO_STORE = "no-store";

    static final String CSP = "Content-Security-Policy";

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String CONSOLE_POLICY = consolePolicy(new ConsoleIdentityProvider(null));

    private final String consolePolicy;

    SecurityHeadersFilter(ConsoleIdentityProvider identityProvider) {
        this.consolePolicy = consolePolicy(identityProvider);
    }

    /** The console may also call the issuer it signs in at: its discovery document and token endpoint. */
    static String consolePolicy(ConsoleIdentityProvider identityProvider) {
        var connect =
                identityProvider.origin().map(origin -> "'self' " + origin).orElse("'self'");
        return "default-src 'self'; script-src 'self'; style-src 'self'; connect-src " + connect + ";"
                + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response);
        if (isConsole(request.getRequestURI())) {
            response.setHeader(CSP, consolePolicy);
        }
        chain.doFilter(request, new HandlerCaching(response));
    }

    /** Also for the container's own error responses, which no filter sees. */
    static void apply(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.setHeader(CSP, API_POLICY);
    }

    /** The console's page and static files ({@code ScopeRules} lets anyone read them). */
    static boolean isConsole(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/console/");
    }

    /** Lets a handler's {@code Cache-Control} replace the default instead of joining it. */
    private static final class HandlerCaching extends HttpServletResponseWrapper {

        HandlerCaching(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) && NO_STORE.equals(getHeader(name))) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
