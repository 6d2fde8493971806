package dev.navi.cli.internal.readiness;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Metrics: the service's own {@code /metrics}, and with {@code --prometheus} what Prometheus holds
 * (names it ever scraped, the NAVI target's {@code up}, NAVI's alert rules loaded).
 */
final class MonitoringChecks {

    private final Target target;
    private final Http http;
    private final OpsKit kit;

    MonitoringChecks(Target target, Http http, OpsKit kit) {
        this.target = target;
        this.http = http;
        this.kit = kit;
    }

    /** The service's /metrics, read once for every check that needs it. */
    record Scrape(Http.Reply reply, Optional<MetricsText> metrics) {}

    Scrape scrape() {
        var reply = http.get(target.management("/metrics"), "text/plain");
        return new Scrape(
                reply,
                reply instanceof Http.Answered a && a.status() == 200
                        ? Optional.of(MetricsText.parse(a.body()))
                        : Optional.empty());
    }

    List<Row> run(Scrape scrape) {
        var rows = new ArrayList<Row>();
        rows.add(exposition(scrape));
        var names = target.prometheus().isPresent()
                ? prometheusNames()
                : scrape.metrics().map(MetricsText::names);
        var evidence = target.prometheus()
                .map(p -> "GET " + p + "/api/v1/label/__name__/values")
                .orElse("GET " + target.management("/metrics"));
        var documented = safe(kit::documentedMetrics);
        rows.add(presence(
                Section.ALERT_RULES,
                "the alert and recording rules",
                safe(kit::ruleMetricNames),
                names,
                documented,
                evidence));
        rows.add(presence(
                Section.DASHBOARDS, "the dashboards", safe(kit::dashboardMetricNames), names, documented, evidence));
        target.prometheus().ifPresent(p -> rows.addAll(new PrometheusChecks(p, http, kit).run()));
        return rows;
    }

    private Row exposition(Scrape scrape) {
        var check = "/metrics answers with NAVI's metrics";
        var evidence = "GET " + target.management("/metrics");
        return switch (scrape.reply()) {
            case Http.NoAnswer none -> Row.fail(Section.MONITORING, check, evidence, none.describe());
            case Http.Answered a
            when a.status() != 200 ->
                Row.fail(
                        Section.MONITORING,
                        check,
                        evidence,
                        "HTTP " + a.status()
                                + (a.status() == 401 || a.status() == 403
                                        ? " (on the API port /metrics needs the admin scope)"
                                        : ""));
            case Http.Answered a -> {
                var navi = scrape.metrics().orElseThrow().names().stream()
                        .filter(n -> n.startsWith("navi_"))
                        .count();
                yield navi > 0
                        ? Row.pass(Section.MONITORING, check, evidence, "HTTP 200, " + navi + " navi_ sample names")
                        : Row.fail(Section.MONITORING, check, evidence, "HTTP 200 but no navi_ metric");
            }
        };
    }

    private Row presence(
            Section section,
            String source,
            Optional<Set<String>> required,
            Optional<Set<String>> exposed,
            Optional<Set<String>> documented,
            String evidence) {
        var check = "every metric " + source + " name is exposed";
        if (required.isEmpty()) {
            return Row.warn(section, check, evidence, "cannot read " + source + " in --repo");
        }
        if (exposed.isEmpty()) {
            return Row.warn(section, check, evidence, "no metric names to compare with (see the /metrics row)");
        }
        return MetricPresence.check(
                section,
                source,
                required.get(),
                exposed.get(),
                documented.orElse(Set.of()),
                target.prometheus().isPresent(),
                evidence);
    }

    private Optional<Set<String>> prometheusNames() {
        var reply = http.get(
                URI.create(target.prometheus().orElseThrow() + "/api/v1/label/__name__/values"), "application/json");
        if (!(reply instanceof Http.Answered a) || a.status() != 200) {
            return Optional.empty();
        }
        var names = new TreeSet<String>();
        ServiceChecks.json(a.body()).path("data").forEach(n -> names.add(n.asString()));
        return Optional.of(names);
    }

    static String query(String promQl) {
        return URLEncoder.encode(promQl, StandardCharsets.UTF_8);
    }

    private static <T> Optional<T> safe(java.util.function.Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
