package dev.navi.observability.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id ({@code X-Request-ID}: the caller's if sane, a new one otherwise) and a W3C
 * trace context; echoes both in the response and puts them in the MDC, so every log line of the
 * request carries {@code requestId}, {@code traceId} and {@code spanId}.
 */
final class CorrelationFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-ID";
    static final String REQUEST_ID = "requestId";
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var requestId = requestId(request.getHeader(REQUEST_ID_HEADER));
        var trace = TraceContext.continueOrStart(request.getHeader(TraceContext.HEADER));
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(TraceContext.HEADER, trace.header());
        MDC.put(REQUEST_ID, requestId);
        MDC.put(TRACE_ID, trace.traceId());
        MDC.put(SPAN_ID, trace.spanId());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }

    static String requestId(String offered) {
        return offered != null && SANE_REQUEST_ID.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}
