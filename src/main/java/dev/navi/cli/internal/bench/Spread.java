package dev.navi.cli.internal.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** One measure over several rounds: its value over all samples, and the lowest and highest round's. */
record Spread(double value, double min, double max) {

    static Spread of(double value, List<Summary> rounds, ToDoubleFunction<Summary> measure) {
        var nonEmpty = rounds.stream().filter(round -> !round.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return new Spread(value, value, value);
        }
        var values = nonEmpty.stream().mapToDouble(measure).toArray();
        return new Spread(
                value,
                java.util.Arrays.stream(values).min().orElseThrow(),
                java.util.Arrays.stream(values).max().orElseThrow());
    }

    static Spread ofValues(List<Double> rounds) {
        if (rounds.isEmpty()) {
            return new Spread(0, 0, 0);
        }
        var mean = rounds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Spread(
                mean,
                rounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                rounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }
}
