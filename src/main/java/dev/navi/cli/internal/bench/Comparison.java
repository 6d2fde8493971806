package dev.navi.cli.internal.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * This run's measures against a previous run's {@code bench.json}: for each measure both have, how
 * many times worse this run is ({@code current / baseline} where lower is better, the inverse where
 * higher is better). Past {@code threshold} it is a regression; ratios, never absolute differences,
 * so a slower machine's baseline is still read the same way (compare like with like, though).
 */
record Comparison(String baselineStartedAt, String baselineMachine, double threshold, List<Row> rows) {

    record Row(
            String key,
            String label,
            String unit,
            double baseline,
            double current,
            Double worseBy,
            boolean regression) {}

    static Comparison of(JsonNode baseline, List<Measure> current, double threshold) {
        var previous = new HashMap<String, Double>();
        baseline.path("measures")
                .forEach(measure -> previous.put(
                        measure.path("key").asString(), measure.path("value").asDouble()));
        var rows = new ArrayList<Row>();
        for (var measure : current) {
            var before = previous.get(measure.key());
            if (before == null) {
                continue;
            }
            var worseBy = ratio(measure, before);
            rows.add(new Row(
                    measure.key(),
                    measure.label(),
                    measure.unit(),
                    before,
                    measure.value(),
                    worseBy,
                    worseBy != null && worseBy > threshold));
        }
        var machine = baseline.path("machine");
        return new Comparison(
                baseline.path("startedAt").asString(""),
                machine.path("cores").asInt() + " cores, " + machine.path("jdk").asString(""),
                threshold,
                rows);
    }

    /** Null when either value is not positive: a ratio of a zero or negative time says nothing. */
    private static Double ratio(Measure measure, double baseline) {
        if (baseline <= 0 || measure.value() <= 0) {
            return null;
        }
        return switch (measure.better()) {
            case LOWER -> measure.value() / baseline;
            case HIGHER -> baseline / measure.value();
        };
    }

    List<Row> regressions() {
        return rows.stream().filter(Row::regression).toList();
    }
}
