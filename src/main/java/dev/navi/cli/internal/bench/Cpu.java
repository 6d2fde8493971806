package dev.navi.cli.internal.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time from the process accounting of a NAVI the benchmark started: the NAVI process itself and,
 * apart, its PostgreSQL processes (the embedded database runs as NAVI's descendants). Processes that
 * have already exited (a finished {@code git}) are no longer counted by the operating system's live view.
 */
record Cpu(Duration navi, Duration postgres) {

    static Optional<Cpu> of(Optional<ProcessHandle> process) {
        return process.filter(ProcessHandle::isAlive).map(handle -> new Cpu(own(handle), postgres(handle)));
    }

    private static Duration own(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static Duration postgres(ProcessHandle handle) {
        return handle.descendants()
                .filter(child -> child.info().command().orElse("").contains("postgres"))
                .map(Cpu::own)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** CPU milliseconds per step between {@code before} and {@code after}; nulls when unknown. */
    static BenchResult.CpuPerStep perStep(Optional<Cpu> before, Optional<Cpu> after, int steps) {
        if (before.isEmpty() || after.isEmpty() || steps == 0) {
            return new BenchResult.CpuPerStep(null, null);
        }
        return new BenchResult.CpuPerStep(
                after.get().navi().minus(before.get().navi()).toNanos() / 1e6 / steps,
                after.get().postgres().minus(before.get().postgres()).toNanos() / 1e6 / steps);
    }
}
