package dev.navi.tools.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A command started as the leader of its own session, and every process that belongs to it: its
 * process group, the rest of its session (double-forked children re-parented to init keep both), and
 * descendants seen while it ran (in case one started a session of its own).
 */
final class ProcessTree {

    private static final Duration POLL = Duration.ofMillis(20);

    private final Process process;
    private final long session;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

    /** The process must have been started through {@code setsid}, so that its pid is its session and group. */
    ProcessTree(Process process) {
        this.process = process;
        this.session = process.pid();
    }

    void rememberDescendants() {
        process.descendants().forEach(seen::add);
        for (ProcessHandle handle : List.copyOf(seen)) {
            handle.descendants().forEach(seen::add);
        }
    }

    /** Asks every member to terminate, then kills those still alive after {@code grace}. */
    void kill(Duration grace) {
        rememberDescendants();
        signal("TERM", ProcessHandle::destroy);
        if (!awaitNone(grace)) {
            signal("KILL", ProcessHandle::destroyForcibly);
            awaitNone(grace);
        }
    }

    private void signal(String name, Consumer<ProcessHandle> send) {
        signalGroup(name);
        members().forEach(send);
    }

    /** The group at once, so that a member forking in a loop cannot slip between two sweeps. */
    private void signalGroup(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, "--", "-" + session)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(POLL.toMillis() * 50, TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // the sweep of the session below still reaches every member
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ProcessHandle> members() {
        return Stream.of(Stream.of(process.toHandle()), seen.stream(), SessionMembers.of(session).stream())
                .flatMap(s -> s)
                .filter(ProcessHandle::isAlive)
                .distinct()
                .toList();
    }

    /** True when every member has exited within {@code grace}; members signalled again as they show up. */
    private boolean awaitNone(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = Thread.interrupted();
        try {
            while (!members().isEmpty()) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
