package dev.navi.llmsim;

import java.nio.file.Path;

/** Entry point of the scripted provider server. */
public final class LlmSim implements AutoCloseable {

    /** Starts a server on 127.0.0.1:{@code port} (0 picks a free port) replaying the scripts in {@code scriptsDir}. */
    public static LlmSim start(int port, Path scriptsDir) {
        throw new UnsupportedOperationException("being written");
    }

    /** The port the server listens on. */
    public int port() {
        throw new UnsupportedOperationException("being written");
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {}
}
