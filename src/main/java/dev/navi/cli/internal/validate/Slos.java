package dev.navi.cli.internal.validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The run's figures against the objectives: docs/slo.md's where it has one (task success, time to
 * first progress, API latency, LLM error rate), the validator's thresholds for the rest.
 */
final class Slos {

    static final String SLO_MD = "docs/slo.md";
    static final String OPTION = "validate option";

    private Slos() {}

    static List<SloRow> evaluate(
            List<ScenarioResult> scenarios, List<Long> startedMs, List<Duration> apiLatencies, Thresholds limits) {
        var rows = new ArrayList<SloRow>();
        rows.add(taskSuccess(scenarios));
        rows.add(timeToFirstProgress(startedMs));
        rows.add(p95(
                "API latency (non-streaming), P95",
                SLO_MD,
                apiLatencies.stream().map(Duration::toMillis).toList(),
                Duration.ofSeconds(5)));
        rows.add(p95(
                "Submit → first event, P95",
                SLO_MD + " (API latency target)",
                values(scenarios, ScenarioResult::submitToFirstEventMs),
                Duration.ofSeconds(5)));
        rows.add(llmErrorRate(scenarios));
        rows.add(p95(
                "LLM latency (llm.response latencyMs), P95",
                OPTION,
                flat(scenarios, ScenarioResult::llmLatenciesMs),
                limits.maxLlmLatencyP95()));
        rows.add(p95(
                "Time to first token (llm.response), P95",
                OPTION,
                flat(scenarios, ScenarioResult::timesToFirstTokenMs),
                limits.maxTimeToFirstTokenP95()));
        rows.add(costPerTask(scenarios, limits.maxCostPerTaskUsd()));
        return rows;
    }

    static SloRow taskSuccess(List<ScenarioResult> scenarios) {
        var target = "≥ 95 % of scenarios verified";
        if (scenarios.isEmpty()) {
            return new SloRow("Task success", SLO_MD, target, "no scenario ran", SloRow.Verdict.NOT_MEASURED);
        }
        var passed = scenarios.stream().filter(ScenarioResult::passed).count();
        var ratio = (double) passed / scenarios.size();
        return new SloRow(
                "Task success",
                SLO_MD,
                target,
                Format.percent(ratio) + " (" + passed + " of " + scenarios.size() + ")",
                SloRow.Verdict.of(ratio >= 0.95));
    }

    static SloRow timeToFirstProgress(List<Long> startedMs) {
        var target = "≥ 95 % of tasks started within 30 s of submission";
        if (startedMs.isEmpty()) {
            return new SloRow("Time to first progress", SLO_MD, target, "no task started", SloRow.Verdict.NOT_MEASURED);
        }
        var within = startedMs.stream().filter(ms -> ms <= 30_000).count();
        var ratio = (double) within / startedMs.size();
        return new SloRow(
                "Time to first progress",
                SLO_MD,
                target,
                Format.percent(ratio) + ", P95 "
                        + Format.ms(Format.percentile(startedMs, 95).orElseThrow()),
                SloRow.Verdict.of(ratio >= 0.95));
    }

    static SloRow llmErrorRate(List<ScenarioResult> scenarios) {
        var target = "< 1 % of LLM attempts failed upstream";
        var calls = scenarios.stream().mapToLong(ScenarioResult::llmCalls).sum();
        if (calls == 0) {
            return new SloRow("LLM error rate", SLO_MD, target, "no LLM call", SloRow.Verdict.NOT_MEASURED);
        }
        var errors =
                scenarios.stream().mapToLong(ScenarioResult::llmUpstreamErrors).sum();
        var ratio = (double) errors / calls;
        return new SloRow(
                "LLM error rate",
                SLO_MD,
                target,
                Format.percent(ratio) + " (" + errors + " of " + calls + " attempts)",
                SloRow.Verdict.of(ratio < 0.01));
    }

    static SloRow costPerTask(List<ScenarioResult> scenarios, double ceiling) {
        var target = "≤ " + Format.usd(ceiling) + " per task";
        var ran = scenarios.stream().filter(s -> s.taskId() != null).toList();
        var unknown = ran.stream().filter(s -> s.costUsd() == null).count();
        if (ran.isEmpty() || unknown > 0) {
            return new SloRow(
                    "Cost per task",
                    OPTION,
                    target,
                    ran.isEmpty() ? "no task ran" : unknown + " task(s) with an unknown cost (unpriced model)",
                    SloRow.Verdict.NOT_MEASURED);
        }
        var costs = ran.stream().map(ScenarioResult::costUsd).toList();
        var max = costs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        var mean = costs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new SloRow(
                "Cost per task",
                OPTION,
                target,
                "max " + Format.usd(max) + ", mean " + Format.usd(mean),
                SloRow.Verdict.of(max <= ceiling));
    }

    static SloRow p95(String name, String source, List<Long> valuesMs, Duration limit) {
        var target = "≤ " + Format.duration(limit);
        return Format.percentile(valuesMs, 95)
                .map(p -> new SloRow(
                        name,
                        source,
                        target,
                        Format.ms(p) + " (" + valuesMs.size() + " samples)",
                        SloRow.Verdict.of(p <= limit.toMillis())))
                .orElseGet(() -> new SloRow(name, source, target, "no samples", SloRow.Verdict.NOT_MEASURED));
    }

    private static List<Long> values(
            List<ScenarioResult> scenarios, java.util.function.Function<ScenarioResult, Long> f) {
        return scenarios.stream().map(f).filter(Objects::nonNull).toList();
    }

    private static List<Long> flat(
            List<ScenarioResult> scenarios, java.util.function.Function<ScenarioResult, List<Long>> f) {
        return scenarios.stream().flatMap(s -> f.apply(s).stream()).toList();
    }
}
