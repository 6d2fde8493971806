package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTest {

    private static final String EXPOSITION = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1000.0
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.5E3
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 99999.0
            jvm_threads_live_threads 42.0
            navi_sse_streams_open 7
            jvm_compilation_time_ms_total{compiler="HotSpot 64-Bit Tiered Compilers"} 33358.0
            """;

    @Test
    void whenHeapIsAskedThenItsPoolsAreSummedAndNonHeapLeftOut() {
        assertThat(Prometheus.heapUsedBytes(EXPOSITION)).isEqualTo(3500);
    }

    @Test
    void whenASeriesHasNoLabelsThenItsValueIsRead() {
        assertThat(Prometheus.liveThreads(EXPOSITION)).isEqualTo(42);
        assertThat(Prometheus.streamsOpen(EXPOSITION)).isEqualTo(7);
    }

    @Test
    void whenCompilationTimeIsAskedThenTheJitsCounterIsRead() {
        assertThat(Prometheus.compilationMs(EXPOSITION)).isEqualTo(33358);
    }

    @Test
    void whenAMetricIsAbsentThenTheValueIsNotANumber() {
        assertThat(Prometheus.sum(EXPOSITION, "navi_missing", "")).isNaN();
        assertThat(Prometheus.sum(EXPOSITION, "jvm_threads_live", "")).isNaN();
    }
}
