package dev.navi.security.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import dev.navi.security.Caller;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.cors.CorsUtils;

/**
 * Who may make which request; the first matching rule decides. Anything not listed needs an authenticated
 * caller; admins hold every scope.
 */
final class ScopeRules implements AuthorizationManager<RequestAuthorizationContext> {

    sealed interface Rule {}

    /** Anyone, with or without a credential. */
    record Anyone() implements Rule {}

    /** Any authenticated caller. */
    record Authenticated() implements Rule {}

    record Scope(String name) implements Rule {}

    private record Entry(RequestMatcher matcher, Rule rule) {}

    private static final Rule ANYONE = new Anyone();
    private static final Rule AUTHENTICATED = new Authenticated();
    private static final Rule READ = new Scope(Caller.TASKS_READ);
    private static final Rule WRITE = new Scope(Caller.TASKS_WRITE);
    private static final Rule ADMIN = new Scope(Caller.ADMIN);

    private static final List<RequestMatcher> CONSOLE_ASSETS = List.of(
            pathPattern(HttpMethod.GET, "/"),
            pathPattern(HttpMethod.HEAD, "/"),
            pathPattern(HttpMethod.GET, "/index.html"),
            pathPattern(HttpMethod.GET, "/favicon.ico"),
            pathPattern(HttpMethod.GET, "/console/**"),
            pathPattern(HttpMethod.HEAD, "/console/**"));

    private static final List<Entry> RULES = List.of(
            new Entry(request -> request.getDispatcherType() != DispatcherType.REQUEST, ANYONE),
            new Entry(CorsUtils::isPreFlightRequest, ANYONE),
            new Entry(ScopeRules::onManagementServer, ANYONE),
            new Entry(pathPattern("/health/**"), ANYONE),
            new Entry(pathPattern("/error"), ANYONE),
            new Entry(ScopeRules::consoleAsset, ANYONE),
            new Entry(pathPattern("/metrics/**"), ADMIN),
            new Entry(pathPattern("/api/openapi/**"), AUTHENTICATED),
            new Entry(pathPattern(HttpMethod.GET, "/api/v1/tasks/**"), READ),
            new Entry(pathPattern(HttpMethod.HEAD, "/api/v1/tasks/**"), READ),
            new Entry(pathPattern(HttpMethod.POST, "/api/v1/tasks/**"), WRITE),
            new Entry(pathPattern("/api/v1/errors/**"), ADMIN),
            new Entry(pathPattern("/api/v1/admin/**"), ADMIN),
            new Entry(pathPattern("/api/v1/audit/**"), ADMIN));

    static Rule rule(HttpServletRequest request) {
        for (var entry : RULES) {
            if (entry.matcher().matches(request)) {
                return entry.rule();
            }
        }
        return AUTHENTICATED;
    }

    /** The scope the request needs, or null when any caller may make it. */
    String requiredScope(HttpServletRequest request) {
        return rule(request) instanceof Scope scope ? scope.name() : null;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        var granted = switch (rule(context.getRequest())) {
            case Anyone anyone -> true;
            case Authenticated authenticated -> authentication.get() instanceof CallerAuthentication;
            case Scope scope ->
                authentication.get() instanceof CallerAuthentication caller
                        && caller.getPrincipal().has(scope.name());
        };
        return new AuthorizationDecision(granted);
    }

    /**
     * The web console's page and static files: they hold no data, and the console sends the token the user
     * pasted with every API call. Only reads; anything else under these paths needs a caller.
     */
    private static boolean consoleAsset(HttpServletRequest request) {
        return CONSOLE_ASSETS.stream().anyMatch(matcher -> matcher.matches(request));
    }

    /**
     * With {@code management.server.port} set, the probes and {@code /metrics} are served by a server of
     * their own, which the same filter chain guards: that port is left open (it is not meant to be routed).
     */
    private static boolean onManagementServer(HttpServletRequest request) {
        var context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return WebServerApplicationContext.hasServerNamespace(context, "management");
    }
}
