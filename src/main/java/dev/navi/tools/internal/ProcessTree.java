package dev.navi.tools.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started process and every descendant seen so far. Descendants are remembered while the
 * process runs, so that background children can still be killed after their parent has exited.
 */
final class ProcessTree {

    private final Process process;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

    ProcessTree(Process process) {
        this.process = process;
    }

    void rememberDescendants() {
        process.descendants().forEach(seen::add);
        for (ProcessHandle handle : List.copyOf(seen)) {
            handle.descendants().forEach(seen::add);
        }
    }

    /**
     * Asks every live member to terminate, then forces those still alive after {@code grace}.
     * Descendants go first, so that their parent, still alive, reaps them at once.
     */
    void kill(Duration grace) {
        rememberDescendants();
        terminate(List.copyOf(seen), grace);
        rememberDescendants();
        List<ProcessHandle> rest = new ArrayList<>(seen);
        rest.add(process.toHandle());
        terminate(rest, grace);
    }

    private static void terminate(List<ProcessHandle> members, Duration grace) {
        List<ProcessHandle> alive =
                members.stream().filter(ProcessHandle::isAlive).toList();
        if (alive.isEmpty()) {
            return;
        }
        alive.forEach(ProcessHandle::destroy);
        awaitExit(alive, grace);
        List<ProcessHandle> stubborn =
                alive.stream().filter(ProcessHandle::isAlive).toList();
        stubborn.forEach(ProcessHandle::destroyForcibly);
        awaitExit(stubborn, grace);
    }

    private static void awaitExit(List<ProcessHandle> handles, Duration grace) {
        CompletableFuture<?>[] exits =
                handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        boolean interrupted = Thread.interrupted();
        try {
            CompletableFuture.allOf(exits).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            // members still alive are forced or reported by the caller
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
