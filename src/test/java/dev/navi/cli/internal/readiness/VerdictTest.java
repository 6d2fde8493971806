package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final Row PASS = Row.pass(Section.SLOS, "a", "e", "seen");
    private static final Row WARN = Row.warn(Section.SLOS, "b", "e", "why");
    private static final Row FAIL = Row.fail(Section.SLOS, "c", "e", "seen");

    @Test
    void whenRowsAreCountedThenEachOutcomeIsCountedOnce() {
        var verdict = Verdict.of(List.of(PASS, PASS, WARN, FAIL));

        assertThat(verdict).isEqualTo(new Verdict(2, 1, 1));
        assertThat(verdict.total()).isEqualTo(4);
    }

    @Test
    void whenOneRowFailedThenTheVerdictIsNotReady() {
        var verdict = Verdict.of(List.of(PASS, WARN, FAIL));

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.sentence()).startsWith("NOT READY: 1 ✅, 1 ⚠️, 1 ❌ of 3 checks");
    }

    @Test
    void whenRowsOnlyWarnThenTheVerdictIsReadyWithWarnings() {
        var verdict = Verdict.of(List.of(PASS, WARN));

        assertThat(verdict.ready()).isTrue();
        assertThat(verdict.sentence()).startsWith("READY WITH WARNINGS");
    }

    @Test
    void whenEveryRowPassedThenTheVerdictIsReady() {
        assertThat(Verdict.of(List.of(PASS)).sentence()).isEqualTo("READY: 1 ✅, 0 ⚠️, 0 ❌ of 1 checks.");
    }

    @Test
    void whenASectionHasNoRowThenTheReportGetsAWarningRowForIt() {
        var rows = ReportWriter.complete(List.of(PASS));

        assertThat(rows).hasSize(Section.values().length);
        assertThat(rows.stream().filter(r -> r.section() == Section.DEPLOYMENT))
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isInstanceOf(Outcome.Warn.class));
    }
}
