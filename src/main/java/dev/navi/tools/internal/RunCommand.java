package dev.navi.tools.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One shell command run to its end or its deadline, inside the sandbox where there is one: output merged
 * and capped, stdin closed, the environment scrubbed, and no process of it left behind. The shell (or
 * bwrap) leads a session of its own, so that everything it starts, double-forked or not, can be found
 * and killed when it ends; inside the sandbox, its PID namespace also dies with it.
 */
final class RunCommand {

    static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    /** How the command ended; {@code exitCode} is null when it timed out. */
    record Ending(Integer exitCode, boolean outputComplete, HeadTailBuffer output) {}

    private RunCommand() {}

    /**
     * @throws ToolException when the sandbox is required but does not work here
     */
    static Ending run(CommandSandbox sandbox, Path directory, String command, Duration timeout, int maxOutputBytes)
            throws IOException, InterruptedException {
        Process process = processBuilder(sandbox.commandLine(directory, command), directory)
                .start();
        process.getOutputStream().close();
        ProcessTree tree = new ProcessTree(process);
        HeadTailBuffer output = new HeadTailBuffer(maxOutputBytes);
        Thread reader = Thread.ofVirtual().name("run-command-output").start(() -> drain(process, output));
        try {
            boolean exited = awaitExit(process, tree, timeout);
            tree.kill(KILL_GRACE);
            boolean complete = reader.join(KILL_GRACE);
            return new Ending(exited ? process.exitValue() : null, complete, output);
        } catch (InterruptedException e) {
            tree.kill(KILL_GRACE);
            throw e;
        }
    }

    private static ProcessBuilder processBuilder(List<String> commandLine, Path directory) {
        ProcessBuilder builder =
                new ProcessBuilder(commandLine).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", System.getenv().getOrDefault("PATH", DEFAULT_PATH));
        environment.put("HOME", directory.toString());
        environment.put("LANG", "C.UTF-8");
        environment.put("TERM", "dumb");
        return builder;
    }

    /** Waits for the shell, noting its descendants as they appear; false when the deadline passed. */
    private static boolean awaitExit(Process process, ProcessTree tree, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            tree.rememberDescendants();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            if (process.waitFor(Math.min(remaining, POLL.toNanos()), TimeUnit.NANOSECONDS)) {
                return true;
            }
        }
    }

    private static void drain(Process process, HeadTailBuffer output) {
        try (InputStream in = process.getInputStream()) {
            output.readFrom(in);
        } catch (IOException e) {
            // the pipe breaks when the tree is killed; what was read so far is kept
        }
    }
}
