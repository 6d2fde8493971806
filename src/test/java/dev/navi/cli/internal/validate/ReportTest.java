package dev.navi.cli.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.internal.NaviClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Thresholds THRESHOLDS = new Thresholds(
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(10),
            1.0);

    @Nested
    class Objectives {

        @Test
        void whenEveryScenarioPassedThenTaskSuccessIsMet() {
            assertThat(Slos.taskSuccess(List.of(scenario("a", 0.01), scenario("b", 0.02)))
                            .verdict())
                    .isEqualTo(SloRow.Verdict.MET);
        }

        @Test
        void whenOneScenarioOfFourFailedThenTaskSuccessIsMissed() {
            var row = Slos.taskSuccess(
                    List.of(scenario("a", 0.01), scenario("b", 0.01), scenario("c", 0.01), failed("d")));

            assertThat(row.verdict()).isEqualTo(SloRow.Verdict.MISSED);
            assertThat(row.measured()).isEqualTo("75.0 % (3 of 4)");
        }

        @Test
        void whenACostIsUnknownThenCostPerTaskIsNotMeasuredRatherThanMet() {
            var row = Slos.costPerTask(List.of(scenario("a", 0.01), scenario("b", null)), 1.0);

            assertThat(row.verdict()).isEqualTo(SloRow.Verdict.NOT_MEASURED);
            assertThat(row.measured()).contains("unknown cost");
        }

        @Test
        void whenATaskCostMoreThanTheCeilingThenCostPerTaskIsMissed() {
            assertThat(Slos.costPerTask(List.of(scenario("a", 1.5)), 1.0).verdict())
                    .isEqualTo(SloRow.Verdict.MISSED);
        }

        @Test
        void whenTheP95IsOverTheLimitThenItIsMissedAndWithoutSamplesItIsNotMeasured() {
            assertThat(Slos.p95("x", Slos.OPTION, List.of(100L, 200L, 6000L), Duration.ofSeconds(5))
                            .verdict())
                    .isEqualTo(SloRow.Verdict.MISSED);
            assertThat(Slos.p95("x", Slos.OPTION, List.of(), Duration.ofSeconds(5))
                            .verdict())
                    .isEqualTo(SloRow.Verdict.NOT_MEASURED);
        }

        @Test
        void whenATaskWaitedLongerThanThirtySecondsToStartThenTimeToFirstProgressCanMissIt() {
            assertThat(Slos.timeToFirstProgress(List.of(100L, 31_000L)).verdict())
                    .isEqualTo(SloRow.Verdict.MISSED);
            assertThat(Slos.timeToFirstProgress(List.of(100L, 29_000L)).verdict())
                    .isEqualTo(SloRow.Verdict.MET);
        }
    }

    @Nested
    class Writing {

        @Test
        void whenEverythingPassedThenTheReportSaysSoInBothFormats() {
            var report = report(List.of(scenario("fix-python", 0.02)), new CheckResult("resume", true, "ok", "t", ""));

            assertThat(report.passed()).isTrue();
            assertThat(ReportWriter.markdown(report))
                    .contains("# NAVI validation: ✅ passed", "| ✅ | fix-python |", "| ✅ | resume |");
            var json = NaviClient.json().readTree(ReportWriter.json(report));
            assertThat(json.get("passed").asBoolean()).isTrue();
            assertThat(json.get("generatedAt").asString())
                    .as("what navi readiness reads")
                    .isEqualTo(report.finished().toString());
            assertThat(json.at("/scenarios/0/costUsd").asDouble()).isEqualTo(0.02);
            assertThat(json.at("/scenarios/0/passed").asBoolean()).isTrue();
            assertThat(json.at("/slos/0/verdict").asString()).isEqualTo("met");
        }

        @Test
        void whenACheckFailedThenTheRunFailsAndTheReportShowsIt() {
            var report = report(
                    List.of(scenario("fix-python", 0.02)),
                    new CheckResult("cancel-latency", false, "7.0 s", "≤ 5.0 s", ""));

            assertThat(report.passed()).isFalse();
            assertThat(ReportWriter.markdown(report)).contains("# NAVI validation: ❌ failed", "| ❌ | cancel-latency |");
        }

        @Test
        void whenAScenarioFailedThenItsReasonsAreListed() {
            var report = report(List.of(failed("refactor")), new CheckResult("resume", true, "ok", "t", ""));

            assertThat(report.passed()).isFalse();
            assertThat(ReportWriter.markdown(report)).contains("**refactor**", "- the tests do not pass");
        }

        @Test
        void whenAnObjectiveCouldNotBeMeasuredThenItIsWarnedAboutButTheRunStillPasses() {
            var report = report(List.of(scenario("fix-python", null)), new CheckResult("resume", true, "ok", "t", ""));

            assertThat(report.passed()).isTrue();
            assertThat(ReportWriter.markdown(report)).contains("| ⚠️ | Cost per task |");
        }
    }

    private static Report report(List<ScenarioResult> scenarios, CheckResult check) {
        var slos = Slos.evaluate(scenarios, List.of(120L), List.of(Duration.ofMillis(40)), THRESHOLDS);
        return new Report(
                "smoke",
                "http://127.0.0.1:8787",
                "llm-sim",
                "copied",
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(12),
                scenarios,
                List.of(check),
                slos);
    }

    private static ScenarioResult scenario(String name, Double cost) {
        return new ScenarioResult(
                name,
                "d",
                "id-" + name,
                "succeeded",
                "completed",
                null,
                3,
                1000,
                50,
                cost,
                40L,
                120L,
                900L,
                List.of(300L),
                List.of(80L),
                0,
                3,
                12,
                true,
                List.of());
    }

    private static ScenarioResult failed(String name) {
        return new ScenarioResult(
                name,
                "d",
                "id-" + name,
                "succeeded",
                "completed",
                null,
                3,
                1000,
                50,
                0.01,
                40L,
                120L,
                900L,
                List.of(300L),
                List.of(80L),
                0,
                3,
                12,
                false,
                List.of("the tests do not pass with the diff"));
    }
}
