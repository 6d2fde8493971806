package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar <jar> ...} children, each logging to {@code <logs>/<name>.log}, stopped in reverse order. */
final class ChildProcesses implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path jar;
    private final Path logs;
    private final Map<Process, String> started = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    ChildProcesses(Path jar, Path logs) {
        this.jar = jar;
        this.logs = logs;
    }

    Process start(String name, List<String> arguments, Map<String, String> environment) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(ChildProcesses::isNaviSetting);
        builder.environment().putAll(environment);
        var process = builder.start();
        started.put(process, name);
        return process;
    }

    /** The caller's own NAVI settings (a JWT secret, an external database) must not reach a child. */
    private static boolean isNaviSetting(String name) {
        return name.startsWith("NAVI_")
                || name.startsWith("ANTHROPIC_")
                || name.startsWith("OPENAI_")
                || name.startsWith("SERVER_")
                || name.startsWith("MANAGEMENT_")
                || name.startsWith("SPRING_");
    }

    /** Waits until {@code uri} answers 200; fails with the log's tail when a child exits meanwhile. */
    void awaitAnswer(URI uri, String what) throws InterruptedException, IOException {
        var end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            for (var child : started.entrySet()) {
                if (!child.getKey().isAlive()) {
                    throw new IOException(child.getValue() + " exited while starting (exit "
                            + child.getKey().exitValue() + "): " + logTail(child.getValue()));
                }
            }
            try {
                var request = HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5))
                        .build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException(what + " did not answer " + uri + " within " + START_TIMEOUT.toSeconds() + " s");
    }

    private String logTail(String name) {
        try {
            var lines = Files.readAllLines(logs.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last started first: SIGTERM, then SIGKILL after a minute. */
    @Override
    public void close() {
        for (var process : List.copyOf(started.keySet()).reversed()) {
            process.destroy();
            try {
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
