package dev.navi.cli.internal.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run does.
 *
 * @param rounds measured rounds per measure (each reported with its min–max over the rounds)
 * @param warmup one-turn tasks run before anything is measured
 * @param settle the ceiling on the warm-up's wait, after those tasks, for the JIT to stop compiling (0: no wait)
 * @param tasks tasks per round and level (at least twice the concurrency at each level)
 * @param steps {@code read_file} steps of each overhead task (it makes {@code steps + 1} model calls)
 * @param hold how long each batch of idle streams is held (a few heartbeat intervals)
 * @param maxDuration the whole run's ceiling: what is left when it passes is skipped, and said so
 * @param streamRamp streams opened at {@code streamRampRate} per second (0: none)
 * @param commits event transactions measured per durability mode (0: none)
 * @param peerGateway a running LLM gateway (Portkey's) in front of the same llm-sim, or null
 */
record Settings(
        boolean quick,
        int rounds,
        int warmup,
        Duration settle,
        int tasks,
        int steps,
        List<Integer> concurrency,
        List<Integer> streams,
        Duration heartbeatInterval,
        Duration hold,
        Duration maxDuration,
        double regressionRatio,
        int streamRamp,
        int streamRampRate,
        int commits,
        URI peerGateway) {

    int maxConcurrency() {
        return concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    int tasksAt(int level) {
        return Math.max(tasks, 2 * level);
    }
}
