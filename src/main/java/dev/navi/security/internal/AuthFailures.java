package dev.navi.security.internal;

import dev.navi.security.AuthenticationFailed;
import dev.navi.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 answers: an RFC 9457 problem, a {@code WWW-Authenticate} challenge (RFC 6750), one count in
 * {@code navi_auth_failures_total} and an {@link AuthenticationFailed} event. Never echoes the credential.
 */
final class AuthFailures implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Bearer realm=\"navi\"";
    private static final String TYPE_PREFIX = "urn:navi:problem:";

    private final JsonMapper json;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final ScopeRules rules;
    private final Clock clock;

    AuthFailures(
            JsonMapper json, MeterRegistry meters, ApplicationEventPublisher events, ScopeRules rules, Clock clock) {
        this.json = json;
        this.meters = meters;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
        for (var reason : FailureReason.values()) {
            counter(reason);
        }
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        var reason = FailureReason.MISSING;
        String keyId = null;
        if (e instanceof BearerRefusal refusal) {
            reason = refusal.reason();
            keyId = refusal.keyId();
        } else if (e instanceof OAuth2AuthenticationException) {
            reason = FailureReason.MALFORMED;
        }
        record(reason, request, keyId);
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                reason == FailureReason.MISSING ? REALM : REALM + ", error=\"invalid_token\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", reason.detail());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var caller = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication auth
                ? auth.getPrincipal()
                : null;
        record(FailureReason.INSUFFICIENT_SCOPE, request, caller == null ? null : caller.keyId());
        var scope = rules.requiredScope(request);
        var challenge = REALM + ", error=\"insufficient_scope\"" + (scope == null ? "" : ", scope=\"" + scope + "\"");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "insufficient-scope",
                scope == null
                        ? FailureReason.INSUFFICIENT_SCOPE.detail()
                        : "This request needs the scope " + scope + " (or " + Caller.ADMIN + ")");
    }

    private void record(FailureReason reason, HttpServletRequest request, String keyId) {
        counter(reason).increment();
        events.publishEvent(new AuthenticationFailed(
                reason.tag(), request.getRemoteAddr(), keyId, request.getRequestURI(), clock.instant()));
    }

    /** Registered for every reason at startup, so each series exists before its first failure. */
    private Counter counter(FailureReason reason) {
        return Counter.builder("navi.auth.failures")
                .description("Requests refused 401 or 403, by reason")
                .tag("reason", reason.tag())
                .register(meters);
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setInstance(instance(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The path, when it is a valid URI reference (the request screening filter has refused most others). */
    private static URI instance(String path) {
        try {
            return new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
