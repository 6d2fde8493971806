package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.ops.OpsArtifacts;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;

/**
 * The metrics the alert rules and dashboards read exist in the running application's /metrics once
 * tasks have gone through success, failure, a retried model call and a refused one (an error event).
 */
@UsesAnthropicSim
@TestPropertySource(properties = "navi.llm.rate-limit.requests-per-minute=6000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpsArtifactsMetricsIT extends NaviIntegrationTest {

    private Set<String> exposed;
    private String metrics;

    @BeforeAll
    void runTasksThroughEveryPath() {
        var workspace = NaviHome.workspace("ops-metrics", "README.md", "ops\n");
        var succeeded = submit("ops-multi-turn", workspace, null).get("id").asString();
        var failed = submit("ops-multi-turn", workspace, "{\"maxIterations\": 1}")
                .get("id")
                .asString();
        var retried = submit("ops-retry", workspace, null).get("id").asString();
        var refused = submit("ops-llm-error", workspace, null).get("id").asString();
        stream(succeeded);
        assertThat(awaitFinished(succeeded).get("status").asString()).isEqualTo("succeeded");
        assertThat(awaitFinished(failed).get("status").asString()).isEqualTo("failed");
        awaitFinished(retried);
        assertThat(awaitFinished(refused).get("stopReason").asString()).isEqualTo("llm_error");
        get("/api/v1/tasks/" + succeeded + "/diff", "text/x-diff");
        get("/api/v1/no-such-route", "application/json");
        metrics = get("/metrics", "text/plain").body();
        exposed = metrics.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void whenRulesAndDashboardsReadAMetricThenTheApplicationExposesIt() {
        var needed = new TreeSet<>(OpsArtifacts.scrapedMetricNames());
        needed.removeAll(OpsArtifacts.SYNTHESIZED_BY_PROMETHEUS);

        assertThat(exposed).containsAll(needed);
    }

    @Test
    void whenTheLatencySlisCountGoodEventsThenTheirBucketsExist() {
        assertThat(metrics)
                .containsPattern("navi_http_request_duration_seconds_bucket\\{[^}]*le=\"5(\\.0)?\"")
                .containsPattern("navi_task_queue_wait_seconds_bucket\\{[^}]*le=\"30(\\.0)?\"");
    }

    @Test
    void whenThePlaybookNamesAnApiEndpointThenTheOpenApiDescriptionHasIt() {
        var paths = new TreeSet<String>();
        parse(get("/api/openapi", "application/json"))
                .path("paths")
                .propertyNames()
                .forEach(p -> paths.add(template(p)));
        var known = OpsArtifacts.read("src/test/resources/ops/known-endpoints.txt")
                .lines()
                .filter(line -> line.startsWith("/api/v1/"))
                .map(OpsArtifactsMetricsIT::template)
                .toList();

        assertThat(paths).containsAll(known);
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
