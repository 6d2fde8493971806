package dev.navi.database.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The PostgreSQL server process named by a data directory's {@code postmaster.pid}. Whether it is
 * running is read from {@code /proc}: a zombie does not count, nor a process that reuses the pid but
 * is not a postgres working in that data directory.
 */
record Postmaster(long pid, Path dataDirectory) {

    static final String PID_FILE = "postmaster.pid";

    /** The server named by the pid file, if there is one with a pid in its first line. */
    static Optional<Postmaster> of(Path dataDirectory) {
        try (Stream<String> lines = Files.lines(dataDirectory.resolve(PID_FILE))) {
            return lines.findFirst()
                    .map(String::strip)
                    .filter(first -> first.matches("\\d+"))
                    .map(first -> new Postmaster(Long.parseLong(first), dataDirectory));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What the pid names: this data directory's server; no process (or a zombie); a live process that
     * is not a postgres working in this data directory; or what cannot be told.
     */
    enum Status {
        RUNNING,
        DEAD,
        OTHER,
        UNKNOWN
    }

    boolean isRunning() {
        return status() == Status.RUNNING;
    }

    Status status() {
        if (!isLive(pid)) {
            return Status.DEAD;
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            boolean ours = Files.readString(proc.resolve("comm")).strip().equals("postgres")
                    && proc.resolve("cwd").toRealPath().equals(dataDirectory.toRealPath());
            return ours ? Status.RUNNING : Status.OTHER;
        } catch (IOException | RuntimeException e) {
            return isLive(pid) ? Status.UNKNOWN : Status.DEAD;
        }
    }

    /**
     * Fast shutdown (SIGINT: sessions are ended, then a clean stop), then immediate shutdown (SIGQUIT),
     * then SIGKILL, each after {@code grace}; returns once the server and its backends are gone.
     */
    void stop(Duration grace) {
        List<ProcessHandle> backends =
                ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children).toList();
        for (String signal : List.of("INT", "QUIT", "KILL")) {
            if (!isRunning()) {
                break;
            }
            send(signal);
            awaitStopped(grace);
        }
        awaitExit(backends, grace);
    }

    private void send(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot signal PostgreSQL (pid " + pid + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStopped(Duration grace) {
        ProcessHandle.of(pid).ifPresent(handle -> awaitExit(List.of(handle), grace));
    }

    /** Waits for the processes to exit; a zombie counts as exited. */
    private static void awaitExit(List<ProcessHandle> handles, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            CompletableFuture<ProcessHandle> exit = handle.onExit();
            while (!exit.isDone() && isLive(handle.pid()) && System.nanoTime() < deadline) {
                try {
                    exit.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // polled again until the deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean isLive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
