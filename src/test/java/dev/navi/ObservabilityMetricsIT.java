package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md against the real {@code /metrics} output after tasks ran through success, failure,
 * cancellation, an LLM error and a retried model call: every documented metric is exposed with its documented labels, and
 * every exposed {@code navi_} metric is documented.
 */
@UsesAnthropicSim
class ObservabilityMetricsIT extends NaviIntegrationTest {

    private static final Path DOC = Path.of("docs/metrics.md");
    private static final Pattern ROW =
            Pattern.compile("^\\| `([a-z_:]+)` \\| (counter|gauge|histogram) \\|([^|]*)\\|.*");
    private static final Pattern LABEL = Pattern.compile("`([a-z_]+)`");
    private static final Set<String> HISTOGRAM_SERIES = Set.of("_bucket", "_count", "_sum", "_max");
    private static boolean scenariosRan;

    record Documented(String name, String type, Set<String> labels) {}

    @BeforeEach
    void runScenariosOnce() {
        if (scenariosRan) {
            return;
        }
        var succeeded = submit("create-file", NaviHome.workspace("metrics-ok", "a.txt", "a\n"), null);
        var maxIterations = submit("busy", NaviHome.workspace("metrics-max", "a.txt", "a"), "{\"maxIterations\": 2}");
        var llmError = submit("obs-auth-error", NaviHome.workspace("metrics-llm-error"), null);
        var retried = submit("obs-retry", NaviHome.workspace("metrics-retry"), null);
        var cancelled = submit("hang", NaviHome.workspace("metrics-cancel"), null);
        var cancelledId = cancelled.get("id").asString();
        sse.readUntil(
                uri("/api/v1/tasks/" + cancelledId + "/events"),
                null,
                e -> e.type().equals("llm.request"));
        post("/api/v1/tasks/" + cancelledId + "/cancel", "");
        for (var task : List.of(succeeded, maxIterations, llmError, retried, cancelled)) {
            awaitFinished(task.get("id").asString());
        }
        get("/api/v1/no-such-route", "application/json");
        await().atMost(Duration.ofSeconds(10)).until(() -> exposed().containsKey("navi_error_events_total"));
        scenariosRan = true;
    }

    @Test
    void whenTasksRanThenEveryDocumentedMetricIsExposedWithItsLabels() throws IOException {
        var exposed = exposed();
        var problems = new ArrayList<String>();
        for (var row : documented()) {
            var sample = row.type().equals("histogram") ? row.name() + "_bucket" : row.name();
            if (!exposed.containsKey(sample)) {
                problems.add(row.name() + " is documented but not exposed");
            } else if (!exposed.get(sample).equals(row.labels())) {
                problems.add(row.name() + " has labels " + exposed.get(sample) + ", documented " + row.labels());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void whenTasksRanThenEveryExposedNaviMetricIsDocumented() throws IOException {
        var documented = documented().stream().collect(Collectors.toMap(Documented::name, Documented::type));
        var undocumented = exposed().keySet().stream()
                .filter(name -> name.startsWith("navi_"))
                .filter(name -> !documented.containsKey(name) && !isSeriesOfDocumentedHistogram(name, documented))
                .toList();
        assertThat(undocumented).isEmpty();
    }

    @Test
    void whenATaskRunsThenTheRunningGaugeCountsItAndLetsGoWhenItEnds() {
        var id = submit("hang", NaviHome.workspace("metrics-running"), null)
                .get("id")
                .asString();
        sse.readUntil(
                uri("/api/v1/tasks/" + id + "/events"), null, e -> e.type().equals("llm.request"));

        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("navi_tasks_running") >= 1);

        post("/api/v1/tasks/" + id + "/cancel", "");
        awaitFinished(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("navi_tasks_running") == 0);
    }

    private double gauge(String name) {
        return metricsText()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void whenRoutesAreMeasuredThenTemplatesNotRawUrls() {
        var routes = metricsText()
                .lines()
                .filter(line -> line.startsWith("navi_http_request_duration_seconds_count{"))
                .map(line -> line.replaceAll(".*route=\"([^\"]*)\".*", "$1"))
                .collect(Collectors.toSet());

        assertThat(routes)
                .contains("/api/v1/tasks", "/api/v1/tasks/{id}", "UNMATCHED")
                .noneMatch(route -> route.matches(".*[0-9a-f]{8}-[0-9a-f]{4}.*"))
                .doesNotContain("/api/v1/no-such-route");
    }

    @Test
    void whenRequestsWereServedThenSpringSecurityRecordedNoObservations() {
        get("/api/v1/tasks", "application/json");

        assertThat(metricsText().lines().filter(line -> line.startsWith("spring_security_")))
                .as("observations of each security filter per request, which nothing reads")
                .isEmpty();
    }

    private static boolean isSeriesOfDocumentedHistogram(String name, Map<String, String> documented) {
        return HISTOGRAM_SERIES.stream()
                .filter(name::endsWith)
                .map(suffix -> name.substring(0, name.length() - suffix.length()))
                .anyMatch(base -> "histogram".equals(documented.get(base)));
    }

    static List<Documented> documented() throws IOException {
        return Files.readAllLines(DOC).stream()
                .map(ROW::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(m -> new Documented(
                        m.group(1),
                        m.group(2),
                        LABEL.matcher(m.group(3))
                                .results()
                                .map(r -> r.group(1))
                                .collect(Collectors.toCollection(TreeSet::new))))
                .toList();
    }

    /** Sample name → its label names ({@code le} left out), over all series of that name. */
    private Map<String, Set<String>> exposed() {
        var samples = new TreeMap<String, Set<String>>();
        metricsText()
                .lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> {
                    int brace = line.indexOf('{');
                    int space = line.indexOf(' ');
                    var name = line.substring(0, brace >= 0 && brace < space ? brace : space);
                    var labels = samples.computeIfAbsent(name, n -> new TreeSet<>());
                    if (brace >= 0 && brace < space) {
                        Pattern.compile("([a-zA-Z_]+)=\"")
                                .matcher(line.substring(brace, line.lastIndexOf('}')))
                                .results()
                                .map(r -> r.group(1))
                                .filter(label -> !label.equals("le"))
                                .forEach(labels::add);
                    }
                });
        return samples;
    }

    private String metricsText() {
        var response = get("/metrics", "text/plain");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
