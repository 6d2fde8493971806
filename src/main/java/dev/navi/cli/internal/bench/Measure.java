package dev.navi.cli.internal.bench;

import java.util.ArrayList;
import java.util.List;

/** One headline number of a run, compared across runs by its key. */
record Measure(String key, String label, String unit, double value, Better better) {

    enum Better {
        LOWER,
        HIGHER
    }

    /** The headline numbers of a result, in report order (absent measures are left out). */
    static List<Measure> of(BenchResult result) {
        var measures = new ArrayList<Measure>();
        for (var overhead : result.overhead()) {
            var at = " (concurrency " + overhead.concurrency() + ")";
            var key = "overhead.c" + overhead.concurrency();
            measures.add(lower(
                    key + ".p50",
                    "platform time per step p50" + at,
                    "ms",
                    overhead.all().p50()));
            measures.add(lower(
                    key + ".p95",
                    "platform time per step p95" + at,
                    "ms",
                    overhead.all().p95()));
            measures.add(lower(
                    key + ".p99",
                    "platform time per step p99" + at,
                    "ms",
                    overhead.all().p99()));
            var endToEnd = overhead.endToEnd();
            if (endToEnd.directCall().count() > 0 && endToEnd.withCall().count() > 0) {
                measures.add(
                        lower(key + ".endToEnd.p50", "step beyond a direct model call p50" + at, "ms", endToEnd.p50()));
                measures.add(
                        lower(key + ".endToEnd.p99", "step beyond a direct model call p99" + at, "ms", endToEnd.p99()));
            }
            if (overhead.cpu().navi() != null) {
                measures.add(lower(
                        key + ".cpu.navi",
                        "NAVI CPU per step" + at,
                        "ms",
                        overhead.cpu().navi()));
                measures.add(lower(
                        key + ".cpu.postgres",
                        "PostgreSQL CPU per step" + at,
                        "ms",
                        overhead.cpu().postgres()));
            }
        }
        var startup = result.startup();
        if (startup.tasks() > 0) {
            measures.add(lower(
                    "startup.started.p50",
                    "submit → task.started p50",
                    "ms",
                    startup.toStarted().p50()));
            measures.add(lower(
                    "startup.started.p99",
                    "submit → task.started p99",
                    "ms",
                    startup.toStarted().p99()));
            measures.add(lower(
                    "startup.request.p50",
                    "submit → first llm.request p50",
                    "ms",
                    startup.toFirstRequest().p50()));
            measures.add(lower(
                    "startup.request.p99",
                    "submit → first llm.request p99",
                    "ms",
                    startup.toFirstRequest().p99()));
        }
        for (var level : result.throughput()) {
            var key = "throughput.c" + level.concurrency();
            var at = " (concurrency " + level.concurrency() + ")";
            measures.add(new Measure(
                    key + ".rate",
                    "one-turn tasks per second" + at,
                    "tasks/s",
                    level.tasksPerSecond().value(),
                    Better.HIGHER));
            measures.add(lower(
                    key + ".p50",
                    "one-turn task latency p50" + at,
                    "ms",
                    level.latency().p50()));
            measures.add(lower(
                    key + ".p99",
                    "one-turn task latency p99" + at,
                    "ms",
                    level.latency().p99()));
        }
        if (result.direct() != null) {
            measures.add(lower(
                    "direct.direct.p50",
                    "model call direct to llm-sim p50",
                    "ms",
                    result.direct().direct().p50()));
            measures.add(lower(
                    "direct.navi.p50",
                    "model call through NAVI's client p50",
                    "ms",
                    result.direct().throughNavi().p50()));
            measures.add(lower(
                    "direct.added.p50",
                    "added by NAVI's client p50",
                    "ms",
                    result.direct().addedP50()));
        }
        for (var streams : result.streams()) {
            var key = "streams.k" + streams.requested();
            var at = " (" + streams.requested() + " streams)";
            measures.add(new Measure(
                    key + ".answered", "streams answered" + at, "streams", streams.answered(), Better.HIGHER));
            if (streams.heapPerStreamKb() != null) {
                measures.add(lower(key + ".heap", "heap per idle stream" + at, "KB", streams.heapPerStreamKb()));
            }
            measures.add(lower(
                    key + ".lag.p99",
                    "heartbeat lag p99" + at,
                    "ms",
                    streams.heartbeatLagMs().p99()));
            measures.add(lower(
                    key + ".open.p99",
                    "stream opening p99" + at,
                    "ms",
                    streams.openMs().p99()));
        }
        var ramp = result.ramp();
        if (ramp != null) {
            measures.add(new Measure(
                    "ramp.answered", "streams answered under the ramp", "streams", ramp.answered(), Better.HIGHER));
            measures.add(lower(
                    "ramp.open.p50",
                    "stream opening p50 under the ramp",
                    "ms",
                    ramp.openMs().p50()));
            measures.add(lower(
                    "ramp.open.p99",
                    "stream opening p99 under the ramp",
                    "ms",
                    ramp.openMs().p99()));
        }
        var peer = result.peer();
        if (peer != null && peer.addedP50() != null) {
            measures.add(lower("peer.added.p50", "added by the peer gateway p50", "ms", peer.addedP50()));
            if (peer.ratio() != null) {
                measures.add(lower(
                        "peer.ratio", "NAVI's platform time per step / gateway's added latency", "×", peer.ratio()));
            }
            if (peer.endToEndRatio() != null) {
                measures.add(lower(
                        "peer.ratio.endToEnd",
                        "NAVI's step beyond a direct call / gateway's added latency",
                        "×",
                        peer.endToEndRatio()));
            }
        }
        var commits = result.commits();
        if (commits != null && commits.addedMean() != null) {
            measures.add(lower(
                    "commits.durable.p50",
                    "durable event transaction p50",
                    "ms",
                    commits.durable().p50()));
            measures.add(lower("commits.added.mean", "added by durability per commit", "ms", commits.addedMean()));
            if (commits.addedPerStep() != null) {
                measures.add(lower("commits.added.step", "added by durability per step", "ms", commits.addedPerStep()));
            }
        }
        return measures;
    }

    private static Measure lower(String key, String label, String unit, double value) {
        return new Measure(key, label, unit, value, Better.LOWER);
    }
}
