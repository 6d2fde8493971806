package dev.navi.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every response but an event stream the buffer of {@code navi.web.response-buffer}: up to that
 * size a response gets a {@code Content-Length}, is compressed or not as a whole, and can still be
 * replaced by a problem when its handler fails. An event stream keeps the connection's smaller buffer
 * ({@code navi.web.stream-response-buffer}): each event is flushed at once anyway. Tomcat keeps a grown
 * buffer in its recycled processors, so it is allocated once per processor, not per request (a stream
 * that gets a recycled processor keeps its larger buffer; Tomcat recycles at most 200).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 70)
class ResponseBufferFilter extends OncePerRequestFilter {

    private final int size;

    ResponseBufferFilter(WebProperties properties) {
        this.size = Math.toIntExact(properties.responseBuffer().toBytes());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptsEventStream(request) && response.getBufferSize() < size) {
            response.setBufferSize(size);
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptsEventStream(HttpServletRequest request) {
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
    }
}
