package dev.navi.cli.internal.validate;

import java.time.Duration;

/**
 * What the validator requires beyond docs/slo.md's own objectives: the heartbeat interval of the NAVI
 * under test (it cannot be read through the API) and the tolerance on it, and the ceilings for cancel
 * latency, failing fast, LLM latency, time to first token and cost per task.
 */
record Thresholds(
        Duration heartbeatInterval,
        Duration heartbeatTolerance,
        Duration maxCancelLatency,
        Duration maxFailFast,
        Duration maxLlmLatencyP95,
        Duration maxTimeToFirstTokenP95,
        double maxCostPerTaskUsd) {

    /** The slow step: long enough for at least two heartbeats whatever the tolerance. */
    Duration slowStep() {
        var seconds = (heartbeatInterval.toMillis() * 3 + 999) / 1000 + 1;
        return Duration.ofSeconds(seconds);
    }
}
