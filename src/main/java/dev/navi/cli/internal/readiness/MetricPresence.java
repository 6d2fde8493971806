package dev.navi.cli.internal.readiness;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the metrics a source (the alert rules, the dashboards) reads are exposed. Counters and
 * histograms with labels appear only once something was counted (the first LLM call, the first
 * failed task), so a name that is absent but documented in docs/metrics.md is a ⚠️ (emitted lazily,
 * listed); an absent name that nothing documents is a ❌: that rule or panel reads nothing.
 */
final class MetricPresence {

    /** Series Prometheus makes up itself; a NAVI never exposes them. */
    static final Set<String> SYNTHESIZED_BY_PROMETHEUS = Set.of("up");

    private static final List<String> HISTOGRAM_SUFFIXES = List.of("_bucket", "_count", "_sum", "_max");

    private MetricPresence() {}

    /**
     * @param fromPrometheus whether {@code exposed} comes from Prometheus (which has {@code up}) or
     *     from the service's own /metrics
     */
    static Row check(
            Section section,
            String source,
            Set<String> required,
            Set<String> exposed,
            Set<String> documented,
            boolean fromPrometheus,
            String evidence) {
        var check = "every metric " + source + " name is exposed (" + required.size() + " names)";
        var absent = new TreeSet<String>();
        var unknown = new TreeSet<String>();
        for (var name : required) {
            if (exposed.contains(name) || !fromPrometheus && SYNTHESIZED_BY_PROMETHEUS.contains(name)) {
                continue;
            }
            (isDocumented(name, documented) ? absent : unknown).add(name);
        }
        if (!unknown.isEmpty()) {
            return Row.fail(
                    section,
                    check,
                    evidence,
                    "absent and not documented in docs/metrics.md: " + String.join(", ", unknown)
                            + (absent.isEmpty()
                                    ? ""
                                    : "; absent, emitted after activity: " + String.join(", ", absent)));
        }
        if (!absent.isEmpty()) {
            return Row.warn(
                    section,
                    check,
                    evidence,
                    (required.size() - absent.size()) + " present; " + absent.size()
                            + " absent, documented as NAVI's but emitted only after activity (run after `navi validate`, or pass --prometheus): "
                            + String.join(", ", absent));
        }
        return Row.pass(section, check, evidence, "all " + required.size() + " present");
    }

    static boolean isDocumented(String name, Set<String> documented) {
        if (documented.contains(name)) {
            return true;
        }
        for (var suffix : HISTOGRAM_SUFFIXES) {
            if (name.endsWith(suffix) && documented.contains(name.substring(0, name.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }
}
