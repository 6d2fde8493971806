package dev.navi.cli.internal.bench;

import dev.navi.cli.NaviCli;
import dev.navi.cli.internal.Connection;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.UsageException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A NAVI and an llm-sim started from this very jar as child processes, on free loopback ports, with
 * their own temporary {@code NAVI_HOME} (embedded database) that is removed when they stop. NAVI's
 * limits that would measure themselves instead of the platform (rate limits, stream and running-task
 * quotas) are lifted; Tomcat's connection cap is left as shipped.
 */
final class SelfStarted implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private final Progress progress;

    private SelfStarted(Path home, Progress progress) {
        this.home = home;
        this.progress = progress;
    }

    /** The jar this class was loaded from: in Spring Boot's nested form {@code jar:nested:/x/navi.jar/!BOOT-INF/classes/!/}. */
    static Path jar() {
        var location = NaviCli.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        var jar = jarPath(location);
        if (jar.isEmpty() || !Files.isRegularFile(jar.get())) {
            throw new UsageException("bench starts NAVI from its jar, but runs from " + location
                    + " (not a jar): build it (./mvnw package) or give --base-url and --llm-sim");
        }
        return jar.get();
    }

    static Optional<Path> jarPath(String location) {
        var nested = location.indexOf("nested:");
        if (nested >= 0) {
            var end = location.indexOf("/!", nested);
            return Optional.of(
                    Path.of(location.substring(nested + "nested:".length(), end < 0 ? location.length() : end)));
        }
        if (location.startsWith("file:") && location.endsWith(".jar")) {
            return Optional.of(Path.of(URI.create(location)));
        }
        return Optional.empty();
    }

    static SelfStarted start(Settings settings, Progress progress) throws IOException, InterruptedException {
        var jar = jar();
        var started = new SelfStarted(Files.createTempDirectory("navi-bench-"), progress);
        try {
            started.launch(jar, settings);
            return started;
        } catch (IOException | RuntimeException | InterruptedException e) {
            started.close();
            throw e;
        }
    }

    private Target target;

    Target target() {
        return target;
    }

    private void launch(Path jar, Settings settings) throws IOException, InterruptedException {
        var simPort = freePort();
        var sim = URI.create("http://127.0.0.1:" + simPort);
        progress.say("starting llm-sim on %s", sim);
        start(
                "llm-sim",
                List.of(
                        jar.toString(),
                        "llm-sim",
                        "--port",
                        "" + simPort,
                        "--scripts",
                        home.resolve("none").toString()),
                List.of());
        awaitAnswer(sim.resolve("/_sim/scripts"), "llm-sim");

        var port = freePort();
        var managementPort = freePort();
        var workspaces = Files.createDirectories(home.resolve("workspaces"));
        progress.say("starting NAVI on http://127.0.0.1:%d (management port %d)", port, managementPort);
        var navi = start(
                "navi",
                List.of(
                        jar.toString(),
                        "serve",
                        "--navi.ratelimit.enabled=false",
                        "--navi.events.max-streams-per-tenant=1000000",
                        "--navi.agent.concurrency=" + Math.max(4, settings.maxConcurrency()),
                        "--navi.tasks.quotas.max-running=100000",
                        "--navi.tasks.quotas.max-queued=1000000"),
                List.of(
                        "NAVI_HOME=" + home,
                        "NAVI_WORKSPACES_ROOT=" + workspaces,
                        "NAVI_LLM_PROVIDER=anthropic",
                        "ANTHROPIC_API_KEY=sim",
                        "NAVI_LLM_BASE_URL=" + sim,
                        "NAVI_LLM_MODEL=claude-sim",
                        "NAVI_HEARTBEAT_INTERVAL="
                                + settings.heartbeatInterval().toMillis() + "ms",
                        "NAVI_LOG_FORMAT=",
                        "SERVER_PORT=" + port,
                        "MANAGEMENT_SERVER_PORT=" + managementPort));
        var metrics = URI.create("http://127.0.0.1:" + managementPort + "/metrics");
        awaitAnswer(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), "NAVI");
        progress.say("NAVI is ready");
        var token = Files.readString(home.resolve("admin.token")).strip();
        var connection = new Connection(URI.create("http://127.0.0.1:" + port), Optional.of(token), "self-started");
        target = new Target(
                "self-started NAVI and llm-sim (child processes of this jar, embedded database)",
                new NaviClient(connection, Duration.ofSeconds(60), progress.stream()),
                sim,
                metrics,
                token,
                workspaces,
                Optional.of(navi.toHandle()),
                Optional.of(home));
    }

    private Process start(String name, List<String> arguments, List<String> environment) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.addAll(arguments);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        var env = builder.environment();
        env.keySet().removeIf(SelfStarted::isNaviSetting);
        for (var entry : environment) {
            var equals = entry.indexOf('=');
            env.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        var process = builder.start();
        processes.add(process);
        return process;
    }

    /** The caller's own NAVI settings (a JWT secret, an external database) must not reach the child. */
    private static boolean isNaviSetting(String name) {
        return name.startsWith("NAVI_")
                || name.startsWith("ANTHROPIC_")
                || name.startsWith("OPENAI_")
                || name.startsWith("SERVER_")
                || name.startsWith("MANAGEMENT_")
                || name.startsWith("SPRING_");
    }

    private void awaitAnswer(URI uri, String what) throws InterruptedException, IOException {
        var end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            for (var process : processes) {
                if (!process.isAlive()) {
                    throw new IOException(
                            what + " exited while starting (exit " + process.exitValue() + "): " + logTail(process));
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

    private String logTail(Process process) {
        var name = processes.indexOf(process) == 0 ? "llm-sim" : "navi";
        try {
            var lines = Files.readAllLines(home.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NAVI first (SIGTERM, it stops its database), then llm-sim; the temporary home is removed. */
    @Override
    public void close() {
        progress.say("stopping NAVI and llm-sim");
        for (var process : processes.reversed()) {
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
        try (var paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind
        }
    }
}
