package dev.navi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.internal.readiness.PromQl;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every metric a rule or dashboard reads is one NAVI emits (the contract) or one the rules record. */
class MetricNamesTest {

    @Test
    void whenRulesAndDashboardsReadScrapedMetricsThenTheContractListsThem() {
        var used = OpsArtifacts.scrapedMetricNames();

        assertThat(used).contains("navi_http_request_duration_seconds_count", "navi_llm_attempts_total", "up");
        assertThat(KnownNames.metrics()).containsAll(used);
    }

    @Test
    void whenAnythingReadsARecordedNameThenARecordingRuleDefinesIt() {
        var recordedLike = OpsArtifacts.allMetricNames().stream()
                .filter(name -> name.contains(":"))
                .toList();

        assertThat(recordedLike).isNotEmpty();
        assertThat(OpsArtifacts.recordedNames()).containsAll(recordedLike);
    }

    @Test
    void whenMetricsAreNamedThenTheyFollowPrometheusConventions() {
        assertThat(KnownNames.metrics())
                .filteredOn(name -> name.startsWith("navi_"))
                .allSatisfy(name -> assertThat(name).matches("[a-z_]+"));
        assertThat(OpsArtifacts.recordedNames())
                .allSatisfy(name -> assertThat(name).matches("navi:[a-z0-9_]+(:[a-z0-9_]+)?"));
    }

    @Nested
    class Extraction {

        @Test
        void whenAnExpressionAggregatesAndMatchesThenOnlyMetricNamesRemain() {
            assertThat(
                            PromQl.metricNames(
                                    "sum by (job, le) (rate(navi_x_bucket{le=~\"5|5\\\\.0\", job=\"$job\"}[$__rate_interval]))"
                                            + " / on (job) group_left sum without (instance) (navi_y_count offset 5m) > 14.4 * 0.005"))
                    .containsExactly("navi_x_bucket", "navi_y_count");
        }

        @Test
        void whenAnExpressionUsesRecordedNamesAndScalarsThenTheyAreFound() {
            assertThat(
                            PromQl.metricNames(
                                    "navi:cost:rate1h > scalar(navi:ceiling) and vector(1) unless histogram_quantile(0.95, up)"))
                    .containsExactly("navi:ceiling", "navi:cost:rate1h", "up");
        }

        @Test
        void whenAnExpressionIsABareMetricThenItIsFound() {
            assertThat(PromQl.metricNames("process_cpu_usage")).containsExactly("process_cpu_usage");
        }
    }
}
