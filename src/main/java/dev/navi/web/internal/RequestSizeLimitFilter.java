package dev.navi.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps request bodies within {@code navi.web.max-request-body}: a larger declared length is refused with
 * a 413 problem before anything reads it; any other body (chunked, or longer than declared) is counted as
 * it is read and fails with {@link BodyTooLargeException}, answered 413, at the first byte past the limit.
 * Runs after the measuring and correlation filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
@EnableConfigurationProperties(WebProperties.class)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    RequestSizeLimitFilter(WebProperties properties, JsonMapper json) {
        this.maxBytes = properties.maxRequestBody().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared <= maxBytes) {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
            return;
        }
        var problem = Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "The request body has " + declared + " bytes; at most " + maxBytes + " are accepted");
        response.setHeader(HttpHeaders.CONNECTION, "close");
        Problems.write(response, json, problem, request.getRequestURI());
    }
}
