package dev.navi.cli.internal.validate;

import java.time.Instant;
import java.util.List;

/** Everything a validation run found; {@link #passed()} decides the exit code. */
record Report(
        String suite,
        String baseUrl,
        String llm,
        String delivery,
        Instant started,
        Instant finished,
        List<ScenarioResult> scenarios,
        List<CheckResult> checks,
        List<SloRow> slos) {

    boolean passed() {
        return scenarios.stream().allMatch(ScenarioResult::passed)
                && checks.stream().allMatch(CheckResult::passed)
                && slos.stream().noneMatch(row -> row.verdict() == SloRow.Verdict.MISSED);
    }
}
