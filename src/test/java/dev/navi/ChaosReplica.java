package dev.navi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One NAVI replica of {@link ChaosIT}: killed and started again under the same name and home, on a new port. */
final class ChaosReplica {

    /** Quicker starts on a small machine; the code under test is the same. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final NaviProcesses processes;
    private final HttpClient http;
    private final List<String> settings;
    private volatile Process process;
    private volatile int port;

    ChaosReplica(String name, NaviProcesses processes, HttpClient http, List<String> settings) {
        this.name = name;
        this.processes = processes;
        this.http = http;
        this.settings = settings;
    }

    void start() {
        int next = NaviProcesses.freePort();
        try {
            process = processes.launch(name, next, JVM_OPTIONS, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = next;
    }

    /** Kills the process ({@code SIGTERM} when graceful, else {@code SIGKILL}), waits for its end, starts it again. */
    void killAndRestart(boolean graceful) throws InterruptedException {
        var victim = process;
        if (graceful) {
            victim.destroy();
        } else {
            victim.destroyForcibly();
        }
        if (!victim.waitFor(2, TimeUnit.MINUTES)) {
            victim.destroyForcibly().waitFor();
        }
        start();
    }

    /** Whether the current process runs and answers ready. */
    boolean up() {
        var current = process;
        return current != null && current.isAlive() && NaviProcesses.ready(http, port);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }
}
