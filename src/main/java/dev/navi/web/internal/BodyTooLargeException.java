package dev.navi.web.internal;

import java.io.IOException;

/** Thrown by the request body stream at the first byte past {@code navi.web.max-request-body}. */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes, the most accepted");
    }

    /** This exception in the cause chain of another (a JSON reader wraps what its stream throws), or null. */
    static BodyTooLargeException in(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
