package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatJudgeTest {

    private final HeartbeatJudge judge = new HeartbeatJudge(Duration.ofSeconds(10), Duration.ofSeconds(5));

    private Outcome judged(boolean idle, int heartbeats, long... silencesSeconds) {
        var silences = java.util.Arrays.stream(silencesSeconds)
                .mapToObj(Duration::ofSeconds)
                .toList();
        return judge.judge(
                        "probe",
                        new HeartbeatJudge.Observation(
                                idle, "still waiting", heartbeats, silences, Duration.ofSeconds(25)))
                .outcome();
    }

    @Test
    void whenHeartbeatsCameWithinIntervalAndSlackThenItPasses() {
        var outcome = judged(true, 2, 10, 10, 5);

        assertThat(outcome).isInstanceOf(Outcome.Pass.class);
        assertThat(outcome.text()).startsWith("2 heartbeats in 25 s, longest silence 10 s");
    }

    @Test
    void whenASilenceWasLongerThanIntervalAndSlackThenItFails() {
        assertThat(judged(true, 1, 16, 9)).isInstanceOf(Outcome.Fail.class);
    }

    @Test
    void whenTheIdleStreamGotNoHeartbeatThenItFails() {
        assertThat(judged(true, 0, 25)).isInstanceOf(Outcome.Fail.class);
    }

    @Test
    void whenTheTaskNeverWaitedThenItCannotBeJudged() {
        var outcome = judge.judge(
                        "probe",
                        new HeartbeatJudge.Observation(
                                false, "the task ended with task.succeeded first", 0, List.of(), Duration.ZERO))
                .outcome();

        assertThat(outcome).isInstanceOf(Outcome.Warn.class);
        assertThat(outcome.text()).contains("never waited", "task.succeeded");
    }
}
