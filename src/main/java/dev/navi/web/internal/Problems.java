package dev.navi.web.internal;

import dev.navi.redaction.Redactor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way NAVI builds RFC 9457 problems: a stable {@code type} ({@code urn:navi:problem:<name>},
 * listed in docs/api.md) on every one, whether a controller, a filter or the container refuses.
 */
final class Problems {

    static final String TYPE_PREFIX = "urn:navi:problem:";
    private static final String UNSAFE = "%\\\"<>^`{|}[]#?";
    private static final String HEX = "0123456789ABCDEF";

    private Problems() {}

    static ProblemDetail of(HttpStatusCode status, String type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return problem;
    }

    /** Gives a framework problem (no type of its own) the type its status stands for. */
    static void typeIfMissing(ProblemDetail problem) {
        var type = problem.getType();
        if (type == null || "about:blank".equals(type.toString())) {
            problem.setType(URI.create(TYPE_PREFIX + typeFor(problem.getStatus())));
        }
    }

    static String typeFor(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 417 -> "expectation-failed";
            case 503 -> "service-unavailable";
            default -> status < 500 ? "bad-http-request" : "internal-error";
        };
    }

    /** For code outside Spring MVC (filters, error pages): writes the problem as the whole response. */
    static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem, String path)
            throws IOException {
        if (path != null) {
            problem.setInstance(URI.create(safePath(path)));
        }
        ProblemRedaction.redact(problem, Redactor.current());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The path as a URI reference, whatever bytes the client sent: anything unsafe is %-escaped as UTF-8. */
    static String safePath(String path) {
        var safe = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && isHex(path, i + 1) && isHex(path, i + 2)) {
                safe.append(c);
            } else if (c > 0x20 && c < 0x7f && UNSAFE.indexOf(c) < 0) {
                safe.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
                }
            }
        }
        return safe.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && HEX.indexOf(Character.toUpperCase(s.charAt(i))) >= 0;
    }
}
