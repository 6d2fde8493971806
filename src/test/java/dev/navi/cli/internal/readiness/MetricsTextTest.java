package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsTextTest {

    private static final String EXPOSITION = """
            # HELP navi_tools_sandbox_available 1 when run_command runs inside bubblewrap
            # TYPE navi_tools_sandbox_available gauge
            navi_tools_sandbox_available 1.0
            navi_http_request_duration_seconds_bucket{method="GET",route="/api/v1/tasks",status="200",le="0.005"} 3
            navi_http_request_duration_seconds_bucket{method="GET",route="/a b",status="200",le="+Inf"} 4
            jvm_threads_live_threads 42 1700000000000
            """;

    @Test
    void whenParsedThenSampleNamesAreKnownWithAndWithoutLabels() {
        var metrics = MetricsText.parse(EXPOSITION);

        assertThat(metrics.names())
                .containsExactlyInAnyOrder(
                        "navi_tools_sandbox_available",
                        "navi_http_request_duration_seconds_bucket",
                        "jvm_threads_live_threads");
    }

    @Test
    void whenAMetricHasOneSeriesThenItsValueIsRead() {
        var metrics = MetricsText.parse(EXPOSITION);

        assertThat(metrics.single("navi_tools_sandbox_available")).hasValue(1.0);
        assertThat(metrics.single("jvm_threads_live_threads")).hasValue(42.0);
        assertThat(metrics.single("navi_http_request_duration_seconds_bucket")).isEmpty();
        assertThat(metrics.single("absent")).isEmpty();
    }
}
