package dev.navi.cli.internal.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time from the process accounting of a NAVI the benchmark started: the NAVI process itself and,
 * apart, its embedded PostgreSQL (the postmaster on a data directory under NAVI's home, and its backends). Processes that
 * have already exited (a finished {@code git}) are no longer counted by the operating system's live view.
 * NAVI's JIT compiler threads are read apart too: their CPU is part of NAVI's.
 */
record Cpu(Duration navi, Duration postgres, Optional<CompilerThreads> compiler) {

    static Optional<Cpu> of(Optional<ProcessHandle> process, Optional<Path> home) {
        return process.filter(ProcessHandle::isAlive)
                .map(handle -> new Cpu(
                        own(handle), home.map(Cpu::postgres).orElse(Duration.ZERO), CompilerThreads.of(handle.pid())));
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

    /** CPU milliseconds per step between {@code before} and {@code after}; nulls when unknown. */
    static BenchResult.CpuPerStep perStep(Optional<Cpu> before, Optional<Cpu> after, int steps) {
        if (before.isEmpty() || after.isEmpty() || steps == 0) {
            return new BenchResult.CpuPerStep(null, null, null);
        }
        var from = before.get();
        var to = after.get();
        Double compiler = null;
        if (from.compiler().isPresent() && to.compiler().isPresent()) {
            compiler = to.compiler().get().since(from.compiler().get()) / 1e6 / steps;
        }
        return new BenchResult.CpuPerStep(
                to.navi().minus(from.navi()).toNanos() / 1e6 / steps,
                to.postgres().minus(from.postgres()).toNanos() / 1e6 / steps,
                compiler);
    }
}
