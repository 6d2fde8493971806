package dev.navi.web.internal;

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
 * adding a second {@code Cache-Control}. Runs before the filters that answer with problems of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 80)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String NO_STORE = "no-store";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response);
        chain.doFilter(request, new HandlerCaching(response));
    }

    /** Also for the container's own error responses, which no filter sees. */
    static void apply(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
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
