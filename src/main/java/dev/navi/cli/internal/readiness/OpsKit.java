package dev.navi.cli.internal.readiness;

import dev.navi.cli.internal.NaviClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The operations kit of a checkout ({@code --repo}): alert and recording rules, dashboards, docs. */
final class OpsKit {

    static final String ALERT_RULES = "deploy/prometheus/alert-rules.yml";
    static final String RECORDING_RULES = "deploy/prometheus/recording-rules.yml";
    static final String DASHBOARDS = "deploy/grafana/dashboards";
    static final String ONCALL = "docs/oncall.md";
    static final String METRICS_DOC = "docs/metrics.md";
    private static final Pattern METRIC_ROW = Pattern.compile("^\\| `([a-z_:][a-z0-9_:]*)` \\|", Pattern.MULTILINE);

    /** An alerting rule. */
    record Alert(String name, String expr, Map<String, String> labels, Map<String, String> annotations) {}

    private final Path root;

    OpsKit(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    boolean exists(String relative) {
        return Files.exists(path(relative));
    }

    String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Alert> alerts() {
        var alerts = new ArrayList<Alert>();
        for (var rule : rules(ALERT_RULES)) {
            alerts.add(new Alert(
                    String.valueOf(rule.get("alert")),
                    String.valueOf(rule.get("expr")),
                    strings(rule.get("labels")),
                    strings(rule.get("annotations"))));
        }
        return alerts;
    }

    Set<String> recordedNames() {
        var names = new TreeSet<String>();
        rules(RECORDING_RULES).forEach(rule -> names.add(String.valueOf(rule.get("record"))));
        return names;
    }

    /** Metric names read from scrapes by the rules (recorded names excluded). */
    Set<String> ruleMetricNames() {
        var names = new TreeSet<String>();
        for (var file : List.of(RECORDING_RULES, ALERT_RULES)) {
            rules(file).forEach(rule -> names.addAll(PromQl.metricNames(String.valueOf(rule.get("expr")))));
        }
        names.removeAll(recordedNames());
        return names;
    }

    /** Metric names read by the dashboards' Prometheus panels and variables (recorded names excluded). */
    Set<String> dashboardMetricNames() {
        var names = new TreeSet<String>();
        dashboards().values().forEach(dashboard -> {
            dashboard
                    .path("panels")
                    .forEach(panel -> panel.path("targets").forEach(target -> {
                        if (target.has("expr")) {
                            names.addAll(PromQl.metricNames(target.path("expr").asString()));
                        }
                    }));
            dashboard.path("templating").path("list").forEach(variable -> {
                if (variable.path("type").asString("").equals("query")) {
                    var definition = variable.path("definition").asString("");
                    names.addAll(PromQl.metricNames(definition.replaceAll("label_values\\((\\w+),.*", "$1")));
                }
            });
        });
        names.removeAll(recordedNames());
        return names;
    }

    /** Dashboards by file name. */
    Map<String, JsonNode> dashboards() {
        var dashboards = new TreeMap<String, JsonNode>();
        try (var files = Files.list(path(DASHBOARDS))) {
            files.filter(f -> f.toString().endsWith(".json"))
                    .forEach(f -> dashboards.put(
                            f.getFileName().toString(), NaviClient.json().readTree(f.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dashboards;
    }

    /** The metric names docs/metrics.md lists (first column of its tables). */
    Set<String> documentedMetrics() {
        var names = new TreeSet<String>();
        var rows = METRIC_ROW.matcher(read(METRICS_DOC));
        while (rows.find()) {
            names.add(rows.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rules(String file) {
        Map<String, Object> document = new Yaml().load(read(file));
        var rules = new ArrayList<Map<String, Object>>();
        for (var group : (List<Map<String, Object>>) document.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object map) {
        var strings = new TreeMap<String, String>();
        if (map instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
        }
        return strings;
    }
}
