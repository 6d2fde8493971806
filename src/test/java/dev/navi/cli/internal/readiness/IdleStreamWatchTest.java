package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleStreamWatchTest {

    private final IdleStreamWatch watch = new IdleStreamWatch(
            new HeartbeatJudge(Duration.ofSeconds(10), Duration.ofSeconds(5)), Duration.ofSeconds(30));

    private static ByteArrayInputStream stream(String sse) {
        return new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whenTheTaskWaitsThenHeartbeatsAfterTheApprovalRequestAreCounted() {
        var seen = watch.watch(stream("""
                retry:3000

                id: 1
                event: task.queued
                data: {}

                event: heartbeat
                data: {}

                id: 2
                event: approval.requested
                data: {"tool": "run_command"}

                event: heartbeat
                data: {}

                event: heartbeat
                data: {}

                id: 3
                event: task.cancelled
                data: {}

                """));

        assertThat(seen.becameIdle()).isTrue();
        assertThat(seen.heartbeats()).isEqualTo(2);
        assertThat(seen.taskEnd()).isEqualTo("task.cancelled");
        assertThat(seen.silences()).hasSize(4);
    }

    @Test
    void whenTheTaskEndsWithoutWaitingThenTheWatchSaysHow() {
        var seen = watch.watch(stream("""
                id: 1
                event: task.started
                data: {}

                id: 2
                event: task.succeeded
                data: {}

                """));

        assertThat(seen.becameIdle()).isFalse();
        assertThat(seen.taskEnd()).isEqualTo("the task ended with task.succeeded first");
    }

    @Test
    void whenTheStreamIsCutBeforeTheApprovalThenTheWatchSaysClosed() {
        var seen = watch.watch(stream("id: 1\nevent: task.started\ndata: {}\n\n"));

        assertThat(seen.becameIdle()).isFalse();
        assertThat(seen.taskEnd()).isEqualTo("the stream closed before approval.requested");
    }
}
