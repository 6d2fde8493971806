package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU of a JVM's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread1}, ...),
 * per thread, from Linux's {@code /proc/<pid>/task/<tid>/schedstat} (nanoseconds on a CPU). The JVM
 * starts and stops extra compiler threads as its queue grows and drains; a thread that stopped between
 * two readings is no longer counted, so {@link #since} is a lower bound.
 */
record CompilerThreads(Map<Long, Long> cpuNanosByThread) {

    private static final String COMPILER_THREAD = "CompilerThre";

    /** The compiler threads of {@code pid} now, or empty where {@code /proc} does not tell. */
    static Optional<CompilerThreads> of(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "task"));
    }

    static Optional<CompilerThreads> read(Path tasks) {
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        var threads = new HashMap<Long, Long>();
        try (var list = Files.list(tasks)) {
            for (var task : (Iterable<Path>) list::iterator) {
                cpuNanos(task)
                        .ifPresent(nanos ->
                                threads.put(Long.parseLong(task.getFileName().toString()), nanos));
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new CompilerThreads(Map.copyOf(threads)));
    }

    /** A compiler thread's CPU; empty for other threads and for one that exited while being read. */
    private static Optional<Long> cpuNanos(Path task) {
        try {
            var name = Files.readString(task.resolve("comm")).strip();
            if (!name.contains(COMPILER_THREAD)) {
                return Optional.empty();
            }
            var schedstat = Files.readString(task.resolve("schedstat")).strip().split("\\s+");
            return Optional.of(Long.parseLong(schedstat[0]));
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException gone) {
            return Optional.empty();
        }
    }

    /** Compiler CPU nanoseconds since {@code before}: each live thread's growth, a thread started since in full. */
    long since(CompilerThreads before) {
        return cpuNanosByThread.entrySet().stream()
                .mapToLong(thread -> Math.max(
                        0, thread.getValue() - before.cpuNanosByThread().getOrDefault(thread.getKey(), 0L)))
                .sum();
    }
}
