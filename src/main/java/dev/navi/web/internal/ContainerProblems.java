package dev.navi.web.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem for a status the container (Tomcat) answered by itself. Tomcat answers 501 for a method or
 * transfer coding it does not implement and 505 for a protocol version it does not speak: both are the
 * client's mistake, answered 400 here, so no input makes NAVI answer 5xx.
 */
final class ContainerProblems {

    private ContainerProblems() {}

    static ProblemDetail forStatus(int status) {
        return switch (status) {
            case 400 -> badHttp("The request line, a header or the body framing is malformed or too large");
            case 501 -> badHttp("The request uses a method or a transfer coding this server does not implement");
            case 505 -> badHttp("The request's HTTP version is not supported; use HTTP/1.1");
            case 404 -> Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such route");
            case 405 -> Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Wrong method for the route");
            case 413 -> Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large");
            case 417 ->
                Problems.of(
                        HttpStatus.EXPECTATION_FAILED,
                        "expectation-failed",
                        "Only 'Expect: 100-continue' is supported");
            case 503 -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "The server is not serving");
            default -> other(status);
        };
    }

    private static ProblemDetail other(int status) {
        var known = HttpStatus.resolve(status);
        if (status < 500 && known != null) {
            return Problems.of(known, "bad-http-request", known.getReasonPhrase());
        }
        if (status < 500) {
            return badHttp("The request cannot be served");
        }
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "An unexpected error occurred");
    }

    private static ProblemDetail badHttp(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-http-request", detail);
    }
}
