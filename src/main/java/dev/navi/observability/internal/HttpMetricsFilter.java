package dev.navi.observability.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every request by route template, method and status ({@code navi_http_request_duration_seconds}).
 * Event streams are left out: they last as long as their task and have their own metrics.
 */
final class HttpMetricsFilter extends OncePerRequestFilter {

    static final String UNMATCHED = "UNMATCHED";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;

    HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!isEventStream(request, response)) {
                int status = failed ? 500 : response.getStatus();
                timer(method(request), route(request), status).record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    private Timer timer(String method, String route, int status) {
        return Timer.builder("navi.http.request.duration")
                .description("HTTP requests by route template, method and status (event streams excluded)")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(Buckets.HTTP)
                .register(registry);
    }

    private static boolean isEventStream(HttpServletRequest request, HttpServletResponse response) {
        var contentType = response.getContentType();
        return request.isAsyncStarted()
                && contentType != null
                && contentType.startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    static String route(HttpServletRequest request) {
        var pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // "/**" is the catch-all resource handler: nothing real matched
        return pattern instanceof String route && !route.equals("/**") ? route : UNMATCHED;
    }

    static String method(HttpServletRequest request) {
        return METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
    }
}
