package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.EventStream;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders a task's stream until it ends and returns the task's exit code. Ctrl-C (any JVM shutdown)
 * detaches, saying how to re-attach, or with {@code cancelOnExit} cancels the task first.
 */
final class Follow {

    private final NaviClient client;
    private final String taskId;
    private final CliEnvironment io;
    private final Renderer renderer;
    private final boolean cancelOnExit;
    private final AtomicReference<String> terminal = new AtomicReference<>();

    Follow(NaviClient client, String taskId, CliEnvironment io, boolean json, boolean cancelOnExit) {
        this.client = client;
        this.taskId = taskId;
        this.io = io;
        this.renderer = json ? new JsonRenderer(io) : new HumanRenderer(io, taskId, Clock.systemUTC());
        this.cancelOnExit = cancelOnExit;
    }

    int run() {
        var hook = Thread.ofPlatform().unstarted(this::interrupted);
        Runtime.getRuntime().addShutdownHook(hook);
        var ticker = io.terminal() ? Thread.ofVirtual().start(this::tick) : null;
        try {
            var end = new EventStream(client, taskId, 0, new Tracking()).follow();
            return switch (end) {
                case TERMINAL -> exitCode();
                case GAVE_UP -> {
                    renderer.notice("lost the stream of task " + taskId
                            + " and could not resume it; re-attach with: navi watch " + taskId);
                    yield ExitCodes.UNREACHABLE;
                }
            };
        } finally {
            if (ticker != null) {
                ticker.interrupt();
            }
            renderer.finish();
            removeHook(hook);
        }
    }

    /** The terminal event's outcome; after a 204 (nothing left to stream) the task's status says it. */
    private int exitCode() {
        var type = terminal.get();
        return type != null
                ? Outcome.ofTerminalEvent(type)
                : Outcome.ofStatus(
                        client.get("/api/v1/tasks/" + taskId).path("status").asString(""));
    }

    private void interrupted() {
        if (terminal.get() != null) {
            return;
        }
        renderer.finish();
        if (!cancelOnExit) {
            renderer.notice("detached; task " + taskId + " goes on. Re-attach with: navi watch " + taskId);
            return;
        }
        try {
            var task = client.post(
                    "/api/v1/tasks/" + taskId + "/cancel", NaviClient.json().createObjectNode());
            renderer.notice("cancelled task " + taskId + " (status "
                    + task.path("status").asString("?") + ")");
        } catch (RuntimeException e) {
            renderer.notice("could not cancel task " + taskId + ": " + e.getMessage());
        }
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(Duration.ofSeconds(1));
                renderer.tick();
            }
        } catch (InterruptedException e) {
            // the stream is over
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: it decided
        }
    }

    /** Remembers the terminal event before the renderer sees it; says when the stream is resumed. */
    private final class Tracking implements EventStream.Listener {

        private boolean reconnecting;

        @Override
        public void onEvent(StreamEvent event) {
            if (event.isTerminal()) {
                terminal.set(event.type());
            }
            renderer.onEvent(event);
        }

        @Override
        public void onHeartbeat() {
            renderer.onHeartbeat();
        }

        @Override
        public void connected(long afterSeq) {
            if (reconnecting) {
                reconnecting = false;
                renderer.notice("reconnected, resuming after event " + afterSeq);
            }
        }

        @Override
        public void reconnecting(int attempt, String reason) {
            reconnecting = true;
            renderer.notice("connection lost (" + reason + "); reconnecting... (attempt " + attempt + ")");
        }
    }
}
