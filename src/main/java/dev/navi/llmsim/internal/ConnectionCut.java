package dev.navi.llmsim.internal;

/**
 * Thrown out of a handler to make the JDK HTTP server drop the connection without finishing the response, as a
 * provider whose connection breaks would.
 */
final class ConnectionCut extends RuntimeException {

    ConnectionCut() {
        super("connection cut by llm-sim", null, false, false);
    }
}
