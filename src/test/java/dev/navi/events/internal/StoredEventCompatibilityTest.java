package dev.navi.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.events.TaskEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Events stored by an earlier version are read back by this one (a task resumed across an upgrade). */
class StoredEventCompatibilityTest {

    private static final String TASK = "0b9d3c2e-7a51-4f0e-9a52-2d1c7f3e8b10";

    private final JsonMapper json = JsonMapper.builder().build();

    @Nested
    class WithoutMicroseconds {

        @Test
        void whenAReplyHasNoLatencyMicrosThenItIsTakenFromLatencyMs() {
            var stored = """
                    {"taskId":"%s","iteration":1,"model":"m","text":"hi","toolCalls":[],"inputTokens":3,
                     "outputTokens":4,"costUsd":null,"costKnown":false,"latencyMs":7,"timeToFirstTokenMs":2}
                    """.formatted(TASK);

            var event = json.readValue(stored, TaskEvent.LlmResponded.class);

            assertThat(event.latencyMs()).isEqualTo(7);
            assertThat(event.latencyMicros()).isEqualTo(7_000);
        }

        @Test
        void whenAToolResultHasNoDurationMicrosThenItIsTakenFromDurationMs() {
            var stored = """
                    {"taskId":"%s","iteration":1,"toolCallId":"c","tool":"read_file","ok":true,"output":"x",
                     "exitCode":null,"durationMs":12}
                    """.formatted(TASK);

            var event = json.readValue(stored, TaskEvent.ToolCallCompleted.class);

            assertThat(event.durationMicros()).isEqualTo(12_000);
        }
    }

    @Test
    void whenMicrosecondsAreStoredThenTheyAreReadAsStored() {
        var stored = """
                {"taskId":"%s","iteration":1,"toolCallId":"c","tool":"read_file","ok":true,"output":"x",
                 "exitCode":null,"durationMs":0,"durationMicros":187}
                """.formatted(TASK);

        var event = json.readValue(stored, TaskEvent.ToolCallCompleted.class);

        assertThat(event.durationMs()).isZero();
        assertThat(event.durationMicros()).isEqualTo(187);
    }
}
