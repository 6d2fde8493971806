package dev.navi.cli.internal.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Percentiles of a set of samples (nearest rank), in the samples' unit; all zero when there are none. */
record Summary(int count, double p50, double p95, double p99, double min, double max, double mean) {

    static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, 0);

    static Summary of(Collection<? extends Number> samples) {
        if (samples.isEmpty()) {
            return EMPTY;
        }
        var sorted = new ArrayList<Double>(samples.size());
        samples.forEach(sample -> sorted.add(sample.doubleValue()));
        sorted.sort(Double::compare);
        var sum = sorted.stream().mapToDouble(Double::doubleValue).sum();
        return new Summary(
                sorted.size(),
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.getFirst(),
                sorted.getLast(),
                sum / sorted.size());
    }

    /** The smallest sample with at least {@code p} % of the samples at or below it. */
    static double percentile(List<Double> sorted, double p) {
        var rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
    }

    boolean isEmpty() {
        return count == 0;
    }
}
