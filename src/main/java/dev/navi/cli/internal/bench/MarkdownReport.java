package dev.navi.cli.internal.bench;

import java.util.Locale;

/** {@code bench.md}: the run, its settings, one table per measure, the chart and the baseline comparison. */
final class MarkdownReport {

    static final String CHART = "bench-latency.svg";

    private final StringBuilder md = new StringBuilder();

    private MarkdownReport() {}

    static String of(BenchResult result, Comparison comparison) {
        var report = new MarkdownReport();
        report.header(result);
        report.overhead(result);
        report.startup(result.startup());
        report.throughput(result);
        report.direct(result.direct());
        report.md.append(RampPeerCommitsReport.peer(result.peer()));
        report.streams(result);
        report.md.append(RampPeerCommitsReport.ramp(result.ramp()));
        report.md.append(RampPeerCommitsReport.commits(result.commits()));
        if (comparison != null) {
            report.comparison(comparison);
        }
        if (!result.notes().isEmpty()) {
            report.line("## Notes").line("");
            result.notes().forEach(note -> report.line("- " + note));
        }
        return report.md.toString();
    }

    private void header(BenchResult result) {
        var machine = result.machine();
        var settings = result.settings();
        line("# NAVI benchmark").line("");
        line("- Started " + result.startedAt() + ", took " + n(result.tookSeconds()) + " s"
                + (settings.quick() ? " (quick run)" : ""));
        line("- Target: " + result.target());
        line("- Machine: " + machine.cores() + " cores, " + n(machine.memoryBytes() / 1024.0 / 1024 / 1024)
                + " GiB memory, " + machine.jdk() + ", " + machine.os() + ", load average " + n(machine.loadAverage())
                + " at the start");
        line("- Warm-up: " + warmup(result.warmup()));
        line("").line("## Settings").line("");
        line("| setting | value |").line("|---|---|");
        line("| rounds | " + settings.rounds() + " |");
        line("| warm-up tasks | " + settings.warmup() + " |");
        line("| wait for the JIT to settle | "
                + (settings.settle().isZero()
                        ? "none"
                        : "up to " + settings.settle().toSeconds() + " s") + " |");
        line("| tasks per round and level | " + settings.tasks() + " (at least 2 × concurrency) |");
        line("| steps per overhead task | " + settings.steps() + " `read_file` steps + 1 final turn |");
        line("| concurrency | " + settings.concurrency() + " |");
        line("| idle streams | " + settings.streams() + ", each batch held "
                + settings.hold().toSeconds() + " s |");
        line("| stream ramp | " + settings.streamRamp() + " streams at " + settings.streamRampRate() + " per s |");
        line("| event transactions per durability mode | " + settings.commits() + " |");
        line("| peer gateway | " + (settings.peerGateway() == null ? "none" : settings.peerGateway()) + " |");
        line("| heartbeat interval | " + settings.heartbeatInterval().toMillis() + " ms |");
        line("| regression ratio | " + settings.regressionRatio() + " × |");
        line("");
    }

    private static String warmup(BenchResult.Warmup warmup) {
        var ran = warmup.tasks() + " tasks in " + n(warmup.seconds()) + " s";
        if (warmup.settleWindows() == 0) {
            return ran + ", without waiting for the JIT to settle";
        }
        if (warmup.compilingShare() == null) {
            return ran + "; the JIT's compilation time is not in /metrics, so the bench could not wait for it";
        }
        var share = Math.round(warmup.compilingShare() * 100) + " %";
        return warmup.settled()
                ? ran + "; the JIT settled after " + warmup.settleWindows() + " windows of "
                        + WarmUp.SETTLE_WINDOW.toSeconds() + " s (compiling " + share + " of the last one's time)"
                : ran + "; the JIT did not settle within the ceiling (still compiling " + share
                        + " of the last window's time): CPU and times below include its work";
    }

    private void overhead(BenchResult result) {
        line("## Platform time per agent step").line("");
        line("Per step: its span on the server's event clock minus the model call's `latencyMicros` and the tools' `durationMicros` (ms; all rounds, in brackets the rounds' min–max).")
                .line("");
        line(
                "| concurrency | tasks | failed | p50 | p95 | p99 | mean per task, p50 | NAVI CPU per step | of it, JIT compiler threads | PostgreSQL CPU per step |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (var o : result.overhead()) {
            line("| " + o.concurrency() + " | " + o.tasks() + " | " + o.failed() + " | " + spread(o.p50()) + " | "
                    + spread(o.p95()) + " | " + spread(o.p99()) + " | "
                    + n(o.perTaskMean().p50()) + " | " + n(o.cpu().navi()) + " | "
                    + n(o.cpu().compiler()) + " | " + n(o.cpu().postgres()) + " |");
        }
        line("");
        line("End to end: each step's span less only its tools (the model call is in it), against the bench's own"
                        + " streamed call to llm-sim for the same script's reply, " + TaskPhases.DIRECT_CALLS_PER_TASK
                        + " by each client before each task. \"Beyond a direct call\" is the step less the direct"
                        + " call's p50: work done while the call was in flight, and a call made slower, count here (ms).")
                .line("");
        line(
                "| concurrency | step with its call p50 | p95 | p99 | direct call p50 / p99 | beyond a direct call p50 | p99 |");
        line("|---|---|---|---|---|---|---|");
        for (var o : result.overhead()) {
            var e = o.endToEnd();
            line("| " + o.concurrency() + " | " + spread(e.withCallP50()) + " | "
                    + n(e.withCall().p95()) + " | "
                    + n(e.withCall().p99()) + " | " + n(e.directCall().p50()) + " / "
                    + n(e.directCall().p99())
                    + " | " + n(e.p50()) + " | " + n(e.p99()) + " |");
        }
        line("");
    }

    private void startup(BenchResult.Startup startup) {
        line("## Submit → start").line("");
        line("From `task.queued` (stored before the 201) on the server's event clock, " + startup.tasks()
                        + " tasks at concurrency 1 (ms).")
                .line("");
        line("| to | p50 | p95 | p99 |").line("|---|---|---|---|");
        line("| `task.started` | " + spread(startup.toStartedP50()) + " | "
                + n(startup.toStarted().p95()) + " | " + n(startup.toStarted().p99()) + " |");
        line("| first `llm.request` | " + spread(startup.toFirstRequestP50()) + " | "
                + n(startup.toFirstRequest().p95()) + " | " + spread(startup.toFirstRequestP99()) + " |");
        line("");
    }

    private void throughput(BenchResult result) {
        line("## Tasks per second").line("");
        line("One-turn tasks, each submitted and followed on its stream to the terminal event by one of N clients (latency in ms, as the client saw it).")
                .line("");
        line("| concurrency | tasks | failed | tasks/s | latency p50 | p95 | p99 |")
                .line("|---|---|---|---|---|---|---|");
        for (var t : result.throughput()) {
            line("| " + t.concurrency() + " | " + t.tasks() + " | " + t.failed() + " | " + spread(t.tasksPerSecond())
                    + " | " + spread(t.p50()) + " | " + n(t.latency().p95()) + " | " + spread(t.p99()) + " |");
        }
        line("").line("![latency percentiles per concurrency level](" + CHART + ")")
                .line("");
    }

    private void direct(BenchResult.DirectCall direct) {
        line("## The same model call, direct and through NAVI").line("");
        if (direct == null) {
            line("Not measured.").line("");
            return;
        }
        line(direct.calls()
                        + " calls each, alternated: the bench's own streamed call to llm-sim, and `llm.response` `latencyMicros` of a one-turn task (ms).")
                .line("");
        line("| call | p50 | p95 | p99 |").line("|---|---|---|---|");
        line("| direct to llm-sim | " + n(direct.direct().p50()) + " | "
                + n(direct.direct().p95()) + " | " + n(direct.direct().p99()) + " |");
        line("| through NAVI's LLM client | " + n(direct.throughNavi().p50()) + " | "
                + n(direct.throughNavi().p95()) + " | " + n(direct.throughNavi().p99()) + " |");
        line("| added by NAVI | " + n(direct.addedP50()) + " | | " + n(direct.addedP99()) + " |");
        line("");
    }

    private void streams(BenchResult result) {
        line("## Idle streams").line("");
        line("Streams on one task waiting for an approval, opened " + StreamsPhase.OPENING_AT_ONCE
                        + " at a time; heap and live platform threads from NAVI's `/metrics` before and while held.")
                .line("");
        line(
                "| streams | answered | not answered | opened per s | open p50 / p99 ms | heap before → held MiB | heap per stream KB | threads before → held | threads per stream | heartbeats | heartbeat lag p50 / p99 ms | `/metrics` answered in ms |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var s : result.streams()) {
            line("| " + s.requested() + " | " + s.answered() + " | " + s.notAnswered() + " | "
                    + n(s.openedPerSecond()) + " | " + n(s.openMs().p50()) + " / "
                    + n(s.openMs().p99())
                    + " | " + mib(s.heapBeforeBytes()) + " → " + mib(s.heapAfterBytes()) + " | "
                    + n(s.heapPerStreamKb()) + " | "
                    + n(s.threadsBefore()) + " → " + n(s.threadsAfter()) + " | " + n(s.threadsPerStream()) + " | "
                    + s.heartbeats() + " | "
                    + n(s.heartbeatLagMs().p50()) + " / " + n(s.heartbeatLagMs().p99()) + " | " + n(s.metricsAnswerMs())
                    + " |");
        }
        line("");
    }

    private void comparison(Comparison comparison) {
        line("## Compared with the baseline").line("");
        line("Baseline from " + comparison.baselineStartedAt() + " (" + comparison.baselineMachine() + "). "
                        + "× worse: current / baseline where lower is better, baseline / current where higher is; "
                        + "above " + comparison.threshold() + " × is a regression.")
                .line("");
        var regressions = comparison.regressions();
        line(regressions.isEmpty() ? "No regressions." : "**" + regressions.size() + " regression(s).**")
                .line("");
        line("| measure | baseline | now | × worse | |").line("|---|---|---|---|---|");
        for (var row : comparison.rows()) {
            line("| " + row.label() + " (" + row.unit() + ") | " + n(row.baseline()) + " | " + n(row.current()) + " | "
                    + (row.worseBy() == null ? "–" : n(row.worseBy())) + " | "
                    + (row.regression() ? "⚠️ regression" : "") + " |");
        }
        line("");
    }

    private static String spread(Spread spread) {
        return n(spread.value()) + " (" + n(spread.min()) + "–" + n(spread.max()) + ")";
    }

    private static String mib(Double bytes) {
        return bytes == null ? "n/a" : n(bytes / 1024 / 1024);
    }

    static String n(Double value) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        var magnitude = Math.abs(value);
        var pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private MarkdownReport line(String text) {
        md.append(text).append('\n');
        return this;
    }
}
