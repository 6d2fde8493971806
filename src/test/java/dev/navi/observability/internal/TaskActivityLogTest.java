package dev.navi.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.events.TaskEvent;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskActivityLogTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void whenContentLoggingIsOffThenPromptsArgumentsAndOutputAreLeftOut() {
        var log = new TaskActivityLog(properties(false));

        assertThat(log.line(new TaskEvent.TaskQueued(id, "alice", "SECRET PROMPT", null, "w")))
                .isEqualTo("Task queued for alice");
        assertThat(log.line(new TaskEvent.ToolCallStarted(id, 1, "c", "read_file", "{\"path\":\"SECRET\"}")))
                .isEqualTo("Tool read_file called");
        assertThat(log.line(new TaskEvent.ToolCallCompleted(id, 1, "c", "read_file", true, "SECRET", null, 5, 5_000L)))
                .isEqualTo("Tool read_file succeeded in 5 ms");
    }

    @Test
    void whenContentLoggingIsOnThenTheContentIsAppended() {
        var log = new TaskActivityLog(properties(true));

        assertThat(log.line(new TaskEvent.TaskQueued(id, "alice", "the prompt", null, "w")))
                .isEqualTo("Task queued for alice; prompt: the prompt");
    }

    private static ObservabilityProperties properties(boolean logContent) {
        return new ObservabilityProperties(logContent, Duration.ofSeconds(5), 10, 50, 200);
    }
}
