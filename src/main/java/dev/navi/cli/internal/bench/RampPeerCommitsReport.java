package dev.navi.cli.internal.bench;

import static dev.navi.cli.internal.bench.MarkdownReport.n;

/** {@code bench.md}'s sections for the stream opening ramp, the peer gateway and the commit cost of durability. */
final class RampPeerCommitsReport {

    private final StringBuilder md = new StringBuilder();

    private RampPeerCommitsReport() {}

    static String ramp(BenchResult.Ramp ramp) {
        var report = new RampPeerCommitsReport();
        report.line("## Stream opening under a ramp").line("");
        if (ramp == null) {
            return report.line("Not measured (see the notes).").line("").md.toString();
        }
        report.line("Streams on the waiting task started at a fixed rate, however fast NAVI answers; opening is each"
                        + " stream's connect to its first byte (ms).")
                .line("");
        report.line("| streams | rate per s | achieved per s | answered | not answered | of which not connected in "
                        + IdleStream.CONNECT_TIMEOUT_MS / 1000 + " s | open p50 | p95 | p99 |")
                .line("|---|---|---|---|---|---|---|---|---|");
        var open = ramp.openMs();
        report.line("| " + ramp.requested() + " | " + n(ramp.rate()) + " | " + n(ramp.achievedRate()) + " | "
                + ramp.answered() + " | " + ramp.notAnswered() + " | " + ramp.notConnected() + " | " + n(open.p50())
                + " | " + n(open.p95()) + " | "
                + n(open.p99()) + " |");
        return report.line("").md.toString();
    }

    static String peer(BenchResult.Peer peer) {
        var report = new RampPeerCommitsReport();
        report.line("## NAVI and an LLM gateway (Portkey) in front of the same llm-sim")
                .line("");
        if (peer.notMeasured() != null) {
            return report.line("| measure | value |")
                    .line("|---|---|")
                    .line(
                            "| ratio of NAVI's platform time per step to the gateway's added latency per call | not measured: "
                                    + peer.notMeasured() + " |")
                    .line("")
                    .md
                    .toString();
        }
        report.line(peer.calls() + " non-streaming calls each, alternated, the same payload: direct to llm-sim and"
                        + " through the gateway at " + peer.gateway() + " (ms, send to last byte).")
                .line("");
        report.line("| call | p50 | p95 | p99 |").line("|---|---|---|---|");
        report.line("| direct to llm-sim | " + n(peer.direct().p50()) + " | "
                + n(peer.direct().p95()) + " | " + n(peer.direct().p99()) + " |");
        report.line("| through the gateway | " + n(peer.throughGateway().p50()) + " | "
                + n(peer.throughGateway().p95()) + " | "
                + n(peer.throughGateway().p99()) + " |");
        report.line("| added by the gateway | " + n(peer.addedP50()) + " | | " + n(peer.addedP99()) + " |");
        report.line("");
        report.line("Ratio: NAVI's platform time per step p50 at concurrency 1 (" + n(peer.naviPerStepP50())
                        + " ms) / the gateway's added latency p50 (" + n(peer.addedP50()) + " ms) = **"
                        + (peer.ratio() == null ? "n/a" : n(peer.ratio()) + " ×") + "** (target ≤ 0.5 ×).")
                .line("");
        report.line("End to end: NAVI's step beyond a direct model call p50 at concurrency 1 ("
                        + n(peer.naviEndToEndP50()) + " ms) / the gateway's added latency p50 = **"
                        + (peer.endToEndRatio() == null ? "n/a" : n(peer.endToEndRatio()) + " ×")
                        + "**: this one also counts what NAVI does while its call is in flight.")
                .line("");
        return report.md.toString();
    }

    static String commits(BenchResult.Commits commits) {
        var report = new RampPeerCommitsReport();
        report.line("## The commit cost of durability").line("");
        if (commits.notMeasured() != null) {
            return report.line("Not measured: " + commits.notMeasured() + ".")
                    .line("")
                    .md
                    .toString();
        }
        report.line(commits.commits() + " event transactions each (sequence upsert, insert, commit) on NAVI's embedded"
                        + " PostgreSQL (`fsync` " + commits.fsync() + "), in batches alternating `synchronous_commit`"
                        + " on (durable) and off (ms per transaction).")
                .line("");
        report.line("| synchronous_commit | p50 | p95 | p99 | mean |").line("|---|---|---|---|---|");
        row(report, "on (durable)", commits.durable());
        row(report, "off", commits.notDurable());
        report.line("| added by durability | " + n(commits.addedP50()) + " | | | " + n(commits.addedMean()) + " |");
        report.line("");
        report.line("Durable commits per step (transaction ids consumed by step tasks, per step): "
                        + n(commits.commitsPerStep()) + "; durability's cost per step: " + n(commits.addedPerStep())
                        + " ms (commits per step × the mean added per commit).")
                .line("");
        return report.md.toString();
    }

    private static void row(RampPeerCommitsReport report, String mode, Summary summary) {
        report.line("| " + mode + " | " + n(summary.p50()) + " | " + n(summary.p95()) + " | " + n(summary.p99()) + " | "
                + n(summary.mean()) + " |");
    }

    private RampPeerCommitsReport line(String text) {
        md.append(text).append('\n');
        return this;
    }
}
