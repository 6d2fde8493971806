package dev.navi.cli.internal;

import java.net.URI;

/** No HTTP answer from NAVI at all: refused connection, unknown host, timeout, cut connection. */
public final class NaviUnreachableException extends RuntimeException {

    NaviUnreachableException(URI baseUrl, Throwable cause) {
        super("cannot reach NAVI at " + baseUrl + ": " + reason(cause), cause);
    }

    private static String reason(Throwable cause) {
        var message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
