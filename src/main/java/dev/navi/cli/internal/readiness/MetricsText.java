package dev.navi.cli.internal.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Prometheus text exposition, just enough of it: the sample names and their values. */
record MetricsText(Map<String, List<Double>> samples) {

    static MetricsText parse(String text) {
        var samples = new LinkedHashMap<String, List<Double>>();
        for (var line : text.split("\n")) {
            var trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            var nameEnd = indexOfAny(trimmed, '{', ' ');
            if (nameEnd <= 0) {
                continue;
            }
            var name = trimmed.substring(0, nameEnd);
            var afterLabels = trimmed.indexOf('}') > nameEnd
                    ? trimmed.substring(trimmed.lastIndexOf('}') + 1)
                    : trimmed.substring(nameEnd);
            samples.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value(afterLabels.strip()));
        }
        return new MetricsText(Map.copyOf(samples));
    }

    Set<String> names() {
        return samples.keySet();
    }

    boolean has(String name) {
        return samples.containsKey(name);
    }

    /** The value of an unlabelled (or single-series) metric. */
    OptionalDouble single(String name) {
        var values = samples.get(name);
        return values == null || values.size() != 1 ? OptionalDouble.empty() : OptionalDouble.of(values.getFirst());
    }

    private static double value(String rest) {
        var space = rest.indexOf(' ');
        var number = space < 0 ? rest : rest.substring(0, space);
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static int indexOfAny(String text, char first, char second) {
        var a = text.indexOf(first);
        var b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
