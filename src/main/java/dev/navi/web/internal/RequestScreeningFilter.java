package dev.navi.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, with a 400 problem and before any handler or endpoint sees it, a request that the framework
 * would otherwise fail on with an exception: a query string Tomcat cannot decode, a path Spring cannot
 * parse (a {@code ;%} path parameter), an {@code Accept} or {@code Content-Type} header that does not
 * parse. An empty
 * {@code Accept} is taken as no {@code Accept} (anything goes), as for every route.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 90)
class RequestScreeningFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    RequestScreeningFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refusal = refusal(request);
        if (refusal != null) {
            Problems.write(response, json, refusal, request.getRequestURI());
            return;
        }
        chain.doFilter(hasEmptyAccept(request) ? new WithoutAccept(request) : request, response);
    }

    private static ProblemDetail refusal(HttpServletRequest request) {
        if (request.getQueryString() != null && !hasFormBody(request)) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException e) {
                return undecodableQuery();
            }
        }
        try {
            ServletRequestPathUtils.parseAndCache(request);
        } catch (IllegalArgumentException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "The path cannot be decoded");
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
        for (var accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            if (!parses(() -> MediaType.parseMediaTypes(accept))) {
                return Problems.of(
                        HttpStatus.BAD_REQUEST, "invalid-request", "The Accept header is not a list of media types");
            }
        }
        var contentType = request.getContentType();
        if (contentType != null && !parses(() -> MediaType.parseMediaType(contentType))) {
            return Problems.of(
                    HttpStatus.BAD_REQUEST, "invalid-request", "The Content-Type header is not a media type");
        }
        return null;
    }

    /** Spring's parser fails with other exceptions than {@code InvalidMediaTypeException} (an unclosed quote). */
    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ProblemDetail undecodableQuery() {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "The query string cannot be decoded: a malformed %-escape, bytes that are not UTF-8, or a"
                        + " parameter without a name");
    }

    /** Reading parameters would read a form body: left to the route, which answers 415. */
    private static boolean hasFormBody(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean hasEmptyAccept(HttpServletRequest request) {
        var values = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        return !values.isEmpty() && values.stream().allMatch(String::isBlank);
    }

    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(header -> !HttpHeaders.ACCEPT.equalsIgnoreCase(header))
                    .toList());
        }
    }
}
