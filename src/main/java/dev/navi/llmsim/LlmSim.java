package dev.navi.llmsim;

import dev.navi.llmsim.internal.ScriptLibrary;
import dev.navi.llmsim.internal.SimCommandLine;
import dev.navi.llmsim.internal.SimServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Entry point of the scripted provider server. */
public final class LlmSim implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LlmSim.class);

    private final SimServer server;

    private LlmSim(SimServer server) {
        this.server = server;
    }

    /** Starts a server on 127.0.0.1:{@code port} (0 picks a free port) replaying the scripts in {@code scriptsDir}. */
    public static LlmSim start(int port, Path scriptsDir) {
        JsonMapper mapper = JsonMapper.builder().build();
        return start(port, ScriptLibrary.fromDirectory(scriptsDir, mapper), mapper);
    }

    private static LlmSim start(int port, ScriptLibrary scripts, JsonMapper mapper) {
        return new LlmSim(SimServer.start(port, scripts, mapper));
    }

    /**
     * The {@code llm-sim} command: {@code --port P --scripts DIR} (defaults 8788 and {@code ./llm-sim-scripts}).
     * Without a scripts directory it serves the bundled example scripts. Blocks until the process is killed.
     */
    public static void run(String[] args) {
        SimCommandLine commandLine = SimCommandLine.parse(args);
        JsonMapper mapper = JsonMapper.builder().build();
        ScriptLibrary scripts;
        if (Files.isDirectory(commandLine.scriptsDir())) {
            scripts = ScriptLibrary.fromDirectory(commandLine.scriptsDir(), mapper);
        } else {
            log.warn("No scripts directory {}; serving the bundled example scripts", commandLine.scriptsDir());
            scripts = ScriptLibrary.bundledExamples(mapper);
        }
        LlmSim sim = start(commandLine.port(), scripts, mapper);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(sim::close));
        log.info("llm-sim listening on {} with {} scripts", sim.baseUrl(), scripts.size());
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sim.close();
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops the server; requests in progress are dropped. */
    @Override
    public void close() {
        server.close();
    }
}
