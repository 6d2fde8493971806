package dev.navi.cli.internal.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time from the process accounting of a NAVI the benchmark started: the NAVI process itself and,
 * apart, its embedded PostgreSQL (the postmaster on a data directory under NAVI's home, and its backends). Processes that
 * have already exited (a finished {@code git}) are no longer counted by the operating system's live view.
 */
record Cpu(Duration navi, Duration postgres) {

    static Optional<Cpu> of(Optional<ProcessHandle> process, Optional<Path> home) {
        return process.filter(ProcessHandle::isAlive)
                .map(handle -> new Cpu(own(handle), home.map(Cpu::postgres).orElse(Duration.ZERO)));
    }

    private static Duration own(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The postmaster started on a data directory under {@code home} (it detaches from NAVI) and its backends. */
    private static Duration postgres(Path home) {
        var directory = home.toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("postgres"))
                .filter(process -> process.info().commandLine().orElse("").contains(directory))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .map(Cpu::own)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * CPU milliseconds per step between {@code before} and {@code after}, with the JIT's compilation
     * milliseconds between them ({@code compilationMs}, null when unknown); nulls when unknown.
     */
    static BenchResult.CpuPerStep perStep(Optional<Cpu> before, Optional<Cpu> after, Double compilationMs, int steps) {
        var compilation = compilationMs == null || steps == 0 ? null : compilationMs / steps;
        if (before.isEmpty() || after.isEmpty() || steps == 0) {
            return new BenchResult.CpuPerStep(null, null, compilation);
        }
        return new BenchResult.CpuPerStep(
                after.get().navi().minus(before.get().navi()).toNanos() / 1e6 / steps,
                after.get().postgres().minus(before.get().postgres()).toNanos() / 1e6 / steps,
                compilation);
    }
}
