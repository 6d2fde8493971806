package dev.navi.cli.internal.bench;

import dev.navi.cli.NaviCli;
import dev.navi.cli.internal.Connection;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A NAVI and an llm-sim started from this very jar as child processes, on free loopback ports, with
 * their own temporary {@code NAVI_HOME} (embedded database) that is removed when they stop. NAVI's
 * limits that would measure themselves instead of the platform (rate limits, stream and running-task
 * quotas) are lifted; Tomcat's connection cap is left as shipped.
 */
final class SelfStarted implements AutoCloseable {

    private final Path home;
    private final Progress progress;
    private final ChildProcesses children;
    private Target target;

    private SelfStarted(Path jar, Path home, Progress progress) {
        this.home = home;
        this.progress = progress;
        this.children = new ChildProcesses(jar, home);
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
        var started = new SelfStarted(jar, Files.createTempDirectory("navi-bench-"), progress);
        try {
            started.launch(settings);
            return started;
        } catch (IOException | RuntimeException | InterruptedException e) {
            started.close();
            throw e;
        }
    }

    Target target() {
        return target;
    }

    private void launch(Settings settings) throws IOException, InterruptedException {
        var simPort = ChildProcesses.freePort();
        var sim = URI.create("http://127.0.0.1:" + simPort);
        progress.say("starting llm-sim on %s", sim);
        children.start(
                "llm-sim",
                List.of(
                        "llm-sim",
                        "--port",
                        "" + simPort,
                        "--scripts",
                        home.resolve("none").toString()),
                Map.of());
        children.awaitAnswer(sim.resolve("/_sim/scripts"), "llm-sim");

        var port = ChildProcesses.freePort();
        var managementPort = ChildProcesses.freePort();
        var workspaces = Files.createDirectories(home.resolve("workspaces"));
        progress.say("starting NAVI on http://127.0.0.1:%d (management port %d)", port, managementPort);
        var navi = children.start(
                "navi",
                List.of(
                        "serve",
                        "--navi.ratelimit.enabled=false",
                        "--navi.events.max-streams-per-tenant=1000000",
                        "--navi.agent.concurrency=" + Math.max(4, settings.maxConcurrency()),
                        "--navi.tasks.quotas.max-running=100000",
                        "--navi.tasks.quotas.max-queued=1000000"),
                Map.of(
                        "NAVI_HOME",
                        home.toString(),
                        "NAVI_WORKSPACES_ROOT",
                        workspaces.toString(),
                        "NAVI_LLM_PROVIDER",
                        "anthropic",
                        "ANTHROPIC_API_KEY",
                        "sim",
                        "NAVI_LLM_BASE_URL",
                        sim.toString(),
                        "NAVI_LLM_MODEL",
                        "claude-sim",
                        "NAVI_HEARTBEAT_INTERVAL",
                        settings.heartbeatInterval().toMillis() + "ms",
                        "NAVI_LOG_FORMAT",
                        "",
                        "SERVER_PORT",
                        Integer.toString(port),
                        "MANAGEMENT_SERVER_PORT",
                        Integer.toString(managementPort)));
        var metrics = URI.create("http://127.0.0.1:" + managementPort + "/metrics");
        children.awaitAnswer(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), "NAVI");
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
                Optional.of(home),
                Optional.of(home.resolve("pgdata")));
    }

    /** NAVI first (SIGTERM, it stops its database), then llm-sim; the temporary home is removed. */
    @Override
    public void close() {
        progress.say("stopping NAVI and llm-sim");
        children.close();
        try (var paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind
        }
    }
}
