package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.util.ArrayList;

/**
 * The same model call two ways, alternated: the bench calls llm-sim itself ({@link SimCall}); and a
 * one-turn task whose {@code llm.response} {@code latencyMicros} is the same call as NAVI's LLM client timed it. The
 * difference is what NAVI's client layer (retries, circuit breaker, rate limiter, parsing) adds to one call.
 */
final class DirectCallPhase {

    private final Workload workload;
    private final SimCall call;

    DirectCallPhase(Workload workload, Target target) {
        this.workload = workload;
        this.call = new SimCall(target.simUrl());
    }

    BenchResult.DirectCall run(int calls) throws IOException, InterruptedException {
        var direct = new ArrayList<Double>();
        var throughNavi = new ArrayList<Double>();
        for (var i = 0; i < calls; i++) {
            directCall(); // the bench's own client warms up too
        }
        for (var i = 0; i < calls; i++) {
            direct.add(directCall());
            throughNavi.addAll(workload.run(Workload.ONE_TURN, 2).times().llmLatencyMs());
        }
        var directSummary = Summary.of(direct);
        var naviSummary = Summary.of(throughNavi);
        return new BenchResult.DirectCall(
                calls,
                directSummary,
                naviSummary,
                naviSummary.p50() - directSummary.p50(),
                naviSummary.p99() - directSummary.p99());
    }

    private double directCall() throws IOException, InterruptedException {
        return call.streamed(Workload.ONE_TURN);
    }
}
