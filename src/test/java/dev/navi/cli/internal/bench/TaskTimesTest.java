package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.StreamEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTimesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final List<StreamEvent> events = new ArrayList<>();

    @Test
    void whenATaskRanTwoStepsThenEachStepIsItsSpanMinusTheModelAndTheTools() {
        event("task.queued", 0, "{}");
        event("task.started", 2_000, "{}");
        event("llm.request", 5_000, "{\"iteration\": 1}");
        event("llm.response", 15_000, "{\"iteration\": 1, \"latencyMs\": 9}");
        event("tool.call", 15_500, "{\"iteration\": 1}");
        event("tool.result", 18_000, "{\"iteration\": 1, \"durationMs\": 2}");
        event("llm.request", 19_250, "{\"iteration\": 2}");
        event("llm.response", 30_000, "{\"iteration\": 2, \"latencyMs\": 10}");
        event("task.succeeded", 31_500, "{}");

        var times = TaskTimes.of(events);

        assertThat(times.succeeded()).isTrue();
        assertThat(times.queuedToStartedMs()).isCloseTo(2, within(1e-9));
        assertThat(times.queuedToFirstRequestMs()).isCloseTo(5, within(1e-9));
        assertThat(times.wallMs()).isCloseTo(29.5, within(1e-9));
        assertThat(times.llmMs()).isEqualTo(19);
        assertThat(times.toolsMs()).isEqualTo(2);
        assertThat(times.steps()).isEqualTo(2);
        assertThat(times.stepPlatformMs().get(0)).isCloseTo(14.25 - 9 - 2, within(1e-9));
        assertThat(times.stepPlatformMs().get(1)).isCloseTo(12.25 - 10, within(1e-9));
        assertThat(times.stepWithCallMs().get(0)).isCloseTo(14.25 - 2, within(1e-9));
        assertThat(times.stepWithCallMs().get(1)).isCloseTo(12.25, within(1e-9));
        assertThat(times.llmLatencyMs()).containsExactlyInAnyOrder(9.0, 10.0);
    }

    @Test
    void whenEventsCarryMicrosecondsThenStepsSubtractThemInsteadOfWholeMilliseconds() {
        event("task.queued", 0, "{}");
        event("task.started", 1_000, "{}");
        event("llm.request", 2_000, "{\"iteration\": 1}");
        event("llm.response", 4_100, "{\"iteration\": 1, \"latencyMs\": 1, \"latencyMicros\": 1900}");
        event("tool.result", 4_600, "{\"iteration\": 1, \"durationMs\": 0, \"durationMicros\": 250}");
        event("task.succeeded", 5_000, "{}");

        var times = TaskTimes.of(events);

        assertThat(times.stepPlatformMs().getFirst()).isCloseTo(3.0 - 1.9 - 0.25, within(1e-9));
        assertThat(times.llmLatencyMs()).containsExactly(1.9);
    }

    @Test
    void whenATaskFailedThenItIsNotASuccessButItsStepsAreStillCounted() {
        event("task.queued", 0, "{}");
        event("task.started", 1_000, "{}");
        event("llm.request", 2_000, "{\"iteration\": 1}");
        event("task.failed", 3_000, "{}");

        var times = TaskTimes.of(events);

        assertThat(times.succeeded()).isFalse();
        assertThat(times.status()).isEqualTo("task.failed");
        assertThat(times.stepPlatformMs()).containsExactly(1.0);
    }

    @Test
    void whenTheStreamGaveUpThenThereAreNoSteps() {
        var times = TaskTimes.of(List.of());

        assertThat(times.succeeded()).isFalse();
        assertThat(times.steps()).isZero();
    }

    private void event(String type, long micros, String fields) {
        var data = (tools.jackson.databind.node.ObjectNode) NaviClient.json().readTree(fields);
        data.put("type", type);
        data.put("ts", T0.plusNanos(micros * 1000).toString());
        events.add(new StreamEvent(events.size() + 1, type, data));
    }
}
