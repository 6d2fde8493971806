package dev.navi.cli.internal.bench;

/**
 * NAVI's JIT compilation time so far, read from its {@code /metrics}: the compilers' accumulated elapsed
 * time (not their CPU), which the warm-up watches until it stops growing.
 */
final class CompilationTime {

    private final MetricsReader metrics;

    CompilationTime(MetricsReader metrics) {
        this.metrics = metrics;
    }

    /** Milliseconds compiled so far, or null when {@code /metrics} did not answer with the counter. */
    Double totalMs() {
        return metrics.read()
                .map(exposition -> Prometheus.compilationMs(exposition.body()))
                .filter(Double::isFinite)
                .orElse(null);
    }
}
