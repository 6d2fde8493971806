package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricPresenceTest {

    private static final Set<String> DOCUMENTED =
            Set.of("navi_llm_attempts_total", "navi_task_duration_seconds", "navi_tasks_queued");

    private static Row check(Set<String> required, Set<String> exposed, boolean fromPrometheus) {
        return MetricPresence.check(
                Section.ALERT_RULES, "the rules", required, exposed, DOCUMENTED, fromPrometheus, "GET /metrics");
    }

    @Test
    void whenEveryNameIsExposedThenItPasses() {
        var row = check(Set.of("navi_tasks_queued"), Set.of("navi_tasks_queued", "other"), false);

        assertThat(row.outcome()).isEqualTo(Outcome.pass("all 1 present"));
    }

    @Test
    void whenADocumentedCounterIsAbsentThenItWarnsThatItIsEmittedAfterActivity() {
        var row = check(
                Set.of("navi_tasks_queued", "navi_llm_attempts_total", "navi_task_duration_seconds_bucket"),
                Set.of("navi_tasks_queued"),
                false);

        assertThat(row.outcome()).isInstanceOf(Outcome.Warn.class);
        assertThat(row.outcome().text())
                .contains("1 present; 2 absent", "navi_llm_attempts_total", "navi_task_duration_seconds_bucket");
    }

    @Test
    void whenAnAbsentNameIsDocumentedNowhereThenItFails() {
        var row = check(Set.of("navi_tasks_queued", "navi_made_up_total"), Set.of("navi_tasks_queued"), false);

        assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
        assertThat(row.outcome().text()).contains("navi_made_up_total");
    }

    @Test
    void whenUpIsRequiredThenOnlyPrometheusMustHaveIt() {
        assertThat(check(Set.of("up"), Set.of(), false).outcome()).isInstanceOf(Outcome.Pass.class);
        assertThat(check(Set.of("up"), Set.of(), true).outcome()).isInstanceOf(Outcome.Fail.class);
        assertThat(check(Set.of("up"), Set.of("up"), true).outcome()).isInstanceOf(Outcome.Pass.class);
    }
}
