package dev.navi.ratelimit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;

/**
 * The kinds of API call with a bucket of their own. Paths are read as Spring MVC matches them (decoded,
 * without {@code ;} path parameters), so no spelling of a route reaches its handler unclassified.
 */
enum EndpointClass {
    /**
     * {@code POST /api/v1/tasks}, {@code POST /api/v1/tasks/{id}/cancel} and {@code POST
     * /api/v1/tasks/{id}/approvals/{approvalId}}.
     */
    SUBMIT("submit"),
    /** {@code GET /api/v1/tasks/{id}/events} asking for {@code text/event-stream}. */
    STREAM("stream"),
    /** Every other {@code GET} (or {@code HEAD}) under {@code /api/}. */
    READ("read");

    private final String label;

    EndpointClass(String label) {
        this.label = label;
    }

    /** The name in headers, problems, settings and the metric's {@code class} label. */
    String label() {
        return label;
    }

    static Optional<EndpointClass> of(HttpServletRequest request) {
        var segments = segments(request);
        if (segments.isEmpty() || !segments.getFirst().equals("api")) {
            return Optional.empty();
        }
        return switch (request.getMethod()) {
            case "POST" -> isSubmit(segments) ? Optional.of(SUBMIT) : Optional.empty();
            case "GET", "HEAD" -> Optional.of(isEvents(segments) && wantsEventStream(request) ? STREAM : READ);
            default -> Optional.empty();
        };
    }

    private static boolean isSubmit(List<String> segments) {
        return segments.equals(List.of("api", "v1", "tasks"))
                || (segments.size() == 5 && isTasks(segments) && segments.get(4).equals("cancel"))
                || (segments.size() == 6 && isTasks(segments) && segments.get(4).equals("approvals"));
    }

    private static boolean isEvents(List<String> segments) {
        return segments.size() == 5 && isTasks(segments) && segments.get(4).equals("events");
    }

    private static boolean isTasks(List<String> segments) {
        return segments.subList(0, 3).equals(List.of("api", "v1", "tasks"));
    }

    private static boolean wantsEventStream(HttpServletRequest request) {
        try {
            return Collections.list(request.getHeaders(HttpHeaders.ACCEPT)).stream()
                    .flatMap(accept -> MediaType.parseMediaTypes(accept).stream())
                    .anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private static List<String> segments(HttpServletRequest request) {
        try {
            return RequestPath.parse(request.getRequestURI(), request.getContextPath())
                    .pathWithinApplication()
                    .elements()
                    .stream()
                    .filter(PathContainer.PathSegment.class::isInstance)
                    .map(element -> ((PathContainer.PathSegment) element).valueToMatch())
                    .toList();
        } catch (IllegalArgumentException unparsable) {
            return List.of();
        }
    }
}
