package dev.navi.cli.internal.bench;

import java.util.List;

/** Everything one run measured, as written to {@code bench.json} (times in milliseconds). */
record BenchResult(
        String startedAt,
        double tookSeconds,
        Machine machine,
        Settings settings,
        Warmup warmup,
        String target,
        List<Overhead> overhead,
        Startup startup,
        List<Throughput> throughput,
        DirectCall direct,
        List<Streams> streams,
        Ramp ramp,
        Peer peer,
        Commits commits,
        List<String> notes) {

    /** The machine the benchmark ran on (the client's; loopback: the same as NAVI's when self-started). */
    record Machine(int cores, long memoryBytes, String jdk, String os, double loadAverage) {}

    /**
     * What the warm-up ran: its tasks, how long it took, and its wait for the JIT to settle (windows
     * run, the share of the last window's wall time the compilers spent compiling, null when unknown or
     * not waited for, and whether that share fell below the threshold).
     */
    record Warmup(int tasks, double seconds, int settleWindows, Double compilingShare, boolean settled) {

        static Warmup fixed(int tasks, double seconds) {
            return new Warmup(tasks, seconds, 0, null, false);
        }
    }

    /**
     * CPU milliseconds per step of NAVI, of its JIT compiler threads (part of NAVI's; a lower bound, null
     * where {@code /proc} does not tell) and of its PostgreSQL; nulls when NAVI is not the bench's child.
     */
    record CpuPerStep(Double navi, Double postgres, Double compiler) {}

    /** Platform time per agent step at one concurrency: percentiles over all rounds, min–max of the rounds'. */
    record Overhead(
            int concurrency,
            int tasks,
            int steps,
            int failed,
            Summary all,
            Spread p50,
            Spread p95,
            Spread p99,
            Summary perTaskMean,
            CpuPerStep cpu,
            EndToEnd endToEnd) {}

    /**
     * A step measured with its model call in it, against the same call made directly: {@code withCall} is
     * each step's span less its tools; {@code directCall} the bench's own calls to llm-sim for the same
     * script's reply, made by the same clients between their tasks. {@code p50} and {@code p99} are what
     * the step took beyond a direct call (both less the direct call's p50): work NAVI moved into the
     * call's window still counts here, and a call NAVI made slower counts too.
     */
    record EndToEnd(Summary withCall, Spread withCallP50, Summary directCall, double p50, double p99) {

        static EndToEnd of(Summary withCall, Spread withCallP50, Summary directCall) {
            return new EndToEnd(
                    withCall,
                    withCallP50,
                    directCall,
                    withCall.p50() - directCall.p50(),
                    withCall.p99() - directCall.p50());
        }
    }

    /** From {@code task.queued} (stored before the 201) to {@code task.started} and to the first {@code llm.request}. */
    record Startup(
            int tasks,
            Summary toStarted,
            Spread toStartedP50,
            Summary toFirstRequest,
            Spread toFirstRequestP50,
            Spread toFirstRequestP99) {}

    /** One-turn tasks at one concurrency: rate, and each task's submit → terminal event as the client saw it. */
    record Throughput(
            int concurrency, int tasks, int failed, Spread tasksPerSecond, Summary latency, Spread p50, Spread p99) {}

    /** The same one-turn model call made directly to llm-sim by the bench and by NAVI's LLM client. */
    record DirectCall(int calls, Summary direct, Summary throughNavi, double addedP50, double addedP99) {}

    /** Idle streams held on one task that waits for an approval. */
    record Streams(
            int requested,
            int answered,
            int notAnswered,
            Summary openMs,
            double openedPerSecond,
            Double heapBeforeBytes,
            Double heapAfterBytes,
            Double heapPerStreamKb,
            Double threadsBefore,
            Double threadsAfter,
            Double threadsPerStream,
            Double streamsOpenGauge,
            int heartbeats,
            Summary heartbeatLagMs,
            Double metricsAnswerMs) {}

    /** Streams opened at a fixed rate on the waiting task: each one's connect → first byte. */
    record Ramp(
            int requested,
            double rate,
            double achievedRate,
            int answered,
            int notAnswered,
            int notConnected,
            Summary openMs) {}

    /**
     * The same non-streaming model call direct to llm-sim and through a gateway (Portkey's), alternated;
     * {@code ratio} is NAVI's platform time per step p50 at concurrency 1 over the gateway's added p50,
     * {@code endToEndRatio} the same with NAVI's end-to-end time per step ({@link EndToEnd#p50()}).
     * {@code notMeasured} says why, when it was not.
     */
    record Peer(
            String gateway,
            String notMeasured,
            int calls,
            Summary direct,
            Summary throughGateway,
            Double addedP50,
            Double addedP99,
            Double naviPerStepP50,
            Double ratio,
            Double naviEndToEndP50,
            Double endToEndRatio) {

        static Peer notMeasured(String why) {
            return new Peer(null, why, 0, Summary.EMPTY, Summary.EMPTY, null, null, null, null, null, null);
        }
    }

    /**
     * One event transaction (sequence upsert, insert, commit) against NAVI's embedded PostgreSQL with
     * {@code synchronous_commit} on and off, alternated; the server's {@code fsync} as found. Durable
     * commits per step are the transaction ids a few step tasks consumed, per step.
     */
    record Commits(
            String notMeasured,
            String fsync,
            int commits,
            Summary durable,
            Summary notDurable,
            Double addedP50,
            Double addedMean,
            Double commitsPerStep,
            Double addedPerStep) {

        static Commits notMeasured(String why) {
            return new Commits(why, null, 0, Summary.EMPTY, Summary.EMPTY, null, null, null, null);
        }
    }
}
