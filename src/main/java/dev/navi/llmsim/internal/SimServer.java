package dev.navi.llmsim.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP server of llm-sim: JDK HttpServer on the loopback interface, one virtual thread per exchange. */
public final class SimServer implements AutoCloseable {

    /**
     * The JDK server leaves Nagle's algorithm on; a streamed reply is many small writes, and each one
     * after the first then waits for the client's delayed ACK (~40 ms). The server reads this property
     * once, when the first {@code HttpServer} of the JVM is made: test JVMs set it on their command line.
     */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private SimServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving {@code scripts} on 127.0.0.1:{@code port}; port 0 picks a free port. */
    public static SimServer start(int port, ScriptLibrary scripts, JsonMapper mapper) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("llm-sim cannot listen on port " + port, e);
        }
        SimState state = new SimState(scripts, new AttemptCounters(), new RequestLog());
        server.createContext(
                "/v1/messages", new ApiHandler("/v1/messages", new AnthropicProtocol(mapper), state, mapper));
        server.createContext(
                "/v1/chat/completions",
                new ApiHandler("/v1/chat/completions", new OpenAiProtocol(mapper), state, mapper));
        server.createContext("/", new AdminHandler(state, mapper));
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        return new SimServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening and drops open exchanges, including hanging ones. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
