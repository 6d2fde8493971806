package dev.navi.cli.internal.readiness;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What the Prometheus of {@code --prometheus} says about NAVI: scraped, rules loaded, links configured. */
final class PrometheusChecks {

    private final URI prometheus;
    private final Http http;
    private final OpsKit kit;

    PrometheusChecks(URI prometheus, Http http, OpsKit kit) {
        this.prometheus = prometheus;
        this.http = http;
        this.kit = kit;
    }

    List<Row> run() {
        return List.of(targetUp(), rulesLoaded(), links());
    }

    Row targetUp() {
        var check = "Prometheus scrapes NAVI (up == 1 for a target named navi)";
        var evidence = "GET " + prometheus + "/api/v1/query?query=up";
        return switch (http.get(URI.create(prometheus + "/api/v1/query?query=up"), "application/json")) {
            case Http.NoAnswer none -> Row.warn(Section.MONITORING, check, evidence, none.describe());
            case Http.Answered a when a.status() != 200 -> Row.warn(Section.MONITORING, check, evidence, a.describe());
            case Http.Answered a -> {
                var up = new ArrayList<String>();
                var down = new ArrayList<String>();
                ServiceChecks.json(a.body()).path("data").path("result").forEach(series -> {
                    var labels = series.path("metric").toString();
                    if (labels.contains("navi")) {
                        (series.path("value").path(1).asString("0").equals("1") ? up : down).add(labels);
                    }
                });
                yield !up.isEmpty() && down.isEmpty()
                        ? Row.pass(Section.MONITORING, check, evidence, up.size() + " NAVI targets up")
                        : up.isEmpty() && down.isEmpty()
                                ? Row.fail(Section.MONITORING, check, evidence, "no target with a label naming navi")
                                : Row.fail(
                                        Section.MONITORING,
                                        check,
                                        evidence,
                                        down.size() + " NAVI targets down: " + down);
            }
        };
    }

    Row rulesLoaded() {
        var check = "Prometheus has loaded every alert of the repository";
        var evidence = "GET " + prometheus + "/api/v1/rules?type=alert";
        return switch (http.get(URI.create(prometheus + "/api/v1/rules?type=alert"), "application/json")) {
            case Http.NoAnswer none -> Row.warn(Section.ALERT_RULES, check, evidence, none.describe());
            case Http.Answered a when a.status() != 200 -> Row.warn(Section.ALERT_RULES, check, evidence, a.describe());
            case Http.Answered a -> {
                var loaded = new TreeSet<String>();
                ServiceChecks.json(a.body())
                        .path("data")
                        .path("groups")
                        .forEach(g -> g.path("rules")
                                .forEach(r -> loaded.add(r.path("name").asString(""))));
                var missing = new TreeSet<String>();
                kit.alerts().forEach(alert -> {
                    if (!loaded.contains(alert.name())) {
                        missing.add(alert.name());
                    }
                });
                yield missing.isEmpty()
                        ? Row.pass(
                                Section.ALERT_RULES,
                                check,
                                evidence,
                                "all " + kit.alerts().size() + " loaded")
                        : Row.fail(Section.ALERT_RULES, check, evidence, "not loaded: " + String.join(", ", missing));
            }
        };
    }

    Row links() {
        var check = "the runbook and dashboard links of the alerts resolve to your hosts (external labels)";
        var evidence = "external_labels in GET " + prometheus + "/api/v1/status/config";
        return switch (http.get(URI.create(prometheus + "/api/v1/status/config"), "application/json")) {
            case Http.NoAnswer none -> Row.warn(Section.ONCALL, check, evidence, none.describe());
            case Http.Answered a when a.status() != 200 -> Row.warn(Section.ONCALL, check, evidence, a.describe());
            case Http.Answered a -> {
                var yaml =
                        ServiceChecks.json(a.body()).path("data").path("yaml").asString("");
                var wrong = new ArrayList<String>();
                for (var label : List.of("runbook_base", "dashboard_base")) {
                    var line = yaml.lines()
                            .filter(l -> l.strip().startsWith(label + ":"))
                            .findFirst();
                    if (line.isEmpty()) {
                        wrong.add(label + " not set");
                    } else if (line.get().contains("example.")) {
                        wrong.add(line.get().strip() + " is the documentation's example");
                    }
                }
                yield wrong.isEmpty()
                        ? Row.pass(Section.ONCALL, check, evidence, "runbook_base and dashboard_base set")
                        : Row.fail(Section.ONCALL, check, evidence, String.join("; ", wrong));
            }
        };
    }
}
