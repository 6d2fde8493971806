package dev.navi.cli.internal.bench;

import java.util.regex.Pattern;

/** Reads the few series the benchmark needs from a Prometheus text exposition. */
final class Prometheus {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private Prometheus() {}

    /** The sum of every sample of {@code metric} whose labels contain {@code labelFilter} (may be empty). */
    static double sum(String exposition, String metric, String labelFilter) {
        var total = 0.0;
        var found = false;
        for (var line : exposition.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            var matcher = SAMPLE.matcher(line);
            if (!matcher.find() || !matcher.group(1).equals(metric)) {
                continue;
            }
            var labels = matcher.group(2) == null ? "" : matcher.group(2);
            if (labels.contains(labelFilter)) {
                total += Double.parseDouble(matcher.group(3));
                found = true;
            }
        }
        return found ? total : Double.NaN;
    }

    static double heapUsedBytes(String exposition) {
        return sum(exposition, "jvm_memory_used_bytes", "area=\"heap\"");
    }

    static double liveThreads(String exposition) {
        return sum(exposition, "jvm_threads_live_threads", "");
    }

    /** The JIT's accumulated compilation time, milliseconds (Micrometer's JVM compilation metrics). */
    static double compilationMs(String exposition) {
        return sum(exposition, "jvm_compilation_time_ms_total", "");
    }

    static double streamsOpen(String exposition) {
        return sum(exposition, "navi_sse_streams_open", "");
    }
}
