package dev.navi.ops;

import dev.navi.cli.internal.readiness.PromQl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operational artifacts as data: alert and recording rules, dashboards and their queries, read
 * from the repository. Public for the integration tests in {@code dev.navi}.
 */
public final class OpsArtifacts {

    /** Metrics Prometheus makes up itself; they never appear in the application's /metrics. */
    public static final Set<String> SYNTHESIZED_BY_PROMETHEUS = Set.of("up");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpsArtifacts() {}

    /** An alerting rule. */
    public record Alert(String name, String expr, Map<String, String> labels, Map<String, String> annotations) {}

    /** A PostgreSQL panel of a dashboard. */
    public record SqlPanel(String dashboard, String title, String rawSql) {

        /** The query with the Grafana macros expanded for the last hour. */
        public String expandedSql() {
            return GrafanaSqlMacros.expand(rawSql);
        }
    }

    /** The repository root: the nearest directory upwards holding pom.xml. */
    public static Path root() {
        var dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
            if (dir == null) {
                throw new IllegalStateException("no pom.xml above the working directory");
            }
        }
        return dir;
    }

    public static String read(String relativePath) {
        try {
            return Files.readString(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Alert> alerts() {
        var alerts = new ArrayList<Alert>();
        for (var rule : rules("deploy/prometheus/alert-rules.yml")) {
            alerts.add(new Alert(
                    (String) rule.get("alert"),
                    (String) rule.get("expr"),
                    strings(rule.get("labels")),
                    strings(rule.get("annotations"))));
        }
        return alerts;
    }

    /** Names recorded by the recording rules. */
    public static Set<String> recordedNames() {
        var names = new TreeSet<String>();
        rules("deploy/prometheus/recording-rules.yml").forEach(rule -> names.add((String) rule.get("record")));
        return names;
    }

    /** Every PromQL expression of the rules and the dashboards. */
    public static List<String> promQlExpressions() {
        var expressions = new ArrayList<String>();
        Stream.of("deploy/prometheus/recording-rules.yml", "deploy/prometheus/alert-rules.yml")
                .flatMap(file -> rules(file).stream())
                .forEach(rule -> expressions.add(String.valueOf(rule.get("expr"))));
        for (var panel : panels()) {
            if (panel.path("datasource").path("type").asString().equals("prometheus")) {
                panel.path("targets")
                        .forEach(target -> expressions.add(target.path("expr").asString()));
            }
        }
        dashboards()
                .values()
                .forEach(dashboard -> dashboard.path("templating").path("list").forEach(variable -> {
                    if (variable.path("type").asString().equals("query")) {
                        expressions.add(
                                variable.path("definition").asString().replaceAll("label_values\\((\\w+),.*", "$1"));
                    }
                }));
        return expressions;
    }

    /** The metric names the rules and dashboards read from scrapes (recorded names excluded). */
    public static Set<String> scrapedMetricNames() {
        var recorded = recordedNames();
        var names = new TreeSet<String>();
        promQlExpressions().forEach(expr -> names.addAll(PromQl.metricNames(expr)));
        names.removeAll(recorded);
        return names;
    }

    /** The metric names used anywhere, recorded ones included. */
    static Set<String> allMetricNames() {
        var names = new TreeSet<String>();
        promQlExpressions().forEach(expr -> names.addAll(PromQl.metricNames(expr)));
        return names;
    }

    /** Dashboards by file name. */
    public static Map<String, JsonNode> dashboards() {
        try (var files = Files.list(root().resolve("deploy/grafana/dashboards"))) {
            var dashboards = new java.util.TreeMap<String, JsonNode>();
            files.filter(f -> f.toString().endsWith(".json"))
                    .forEach(f -> dashboards.put(f.getFileName().toString(), JSON.readTree(f.toFile())));
            return dashboards;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel of every dashboard, rows excluded. */
    static List<JsonNode> panels() {
        var panels = new ArrayList<JsonNode>();
        dashboards()
                .values()
                .forEach(d -> d.path("panels").forEach(p -> {
                    if (!p.path("type").asString().equals("row")) {
                        panels.add(p);
                    }
                }));
        return panels;
    }

    public static List<SqlPanel> sqlPanels() {
        var sql = new ArrayList<SqlPanel>();
        dashboards()
                .forEach((file, dashboard) -> dashboard
                        .path("panels")
                        .forEach(panel -> panel.path("targets").forEach(target -> {
                            if (target.has("rawSql")) {
                                sql.add(new SqlPanel(
                                        file,
                                        panel.path("title").asString(),
                                        target.path("rawSql").asString()));
                            }
                        })));
        return sql;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(String file) {
        Map<String, Object> document = new Yaml().load(read(file));
        var rules = new ArrayList<Map<String, Object>>();
        for (var group : (List<Map<String, Object>>) document.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object map) {
        return map == null ? Map.of() : Map.copyOf((Map<String, String>) map);
    }
}
