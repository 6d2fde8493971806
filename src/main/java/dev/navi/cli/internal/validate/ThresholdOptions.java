package dev.navi.cli.internal.validate;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options behind {@link Thresholds} (a picocli mixin of {@code validate}). */
final class ThresholdOptions {

    @Option(
            names = "--heartbeat-interval",
            defaultValue = "10s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "NAVI_HEARTBEAT_INTERVAL of the NAVI under test (default: ${DEFAULT-VALUE})")
    Duration heartbeatInterval;

    @Option(
            names = "--heartbeat-tolerance",
            defaultValue = "1s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Silence allowed beyond the interval (default: ${DEFAULT-VALUE})")
    Duration heartbeatTolerance;

    @Option(
            names = "--max-cancel-latency",
            defaultValue = "5s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Cancel request → task.cancelled (default: ${DEFAULT-VALUE})")
    Duration maxCancelLatency;

    @Option(
            names = "--max-fail-fast",
            defaultValue = "30s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "Submission → failure of a task on an unknown model (default: ${DEFAULT-VALUE})")
    Duration maxFailFast;

    @Option(
            names = "--max-llm-latency",
            defaultValue = "60s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "P95 of llm.response latencyMs (default: ${DEFAULT-VALUE})")
    Duration maxLlmLatency;

    @Option(
            names = "--max-ttft",
            defaultValue = "10s",
            converter = DurationConverter.class,
            paramLabel = "DURATION",
            description = "P95 of llm.response timeToFirstTokenMs (default: ${DEFAULT-VALUE})")
    Duration maxTtft;

    @Option(
            names = "--max-cost-per-task",
            paramLabel = "USD",
            defaultValue = "1.00",
            description = "Highest cost of one scenario's task (default: ${DEFAULT-VALUE})")
    double maxCostPerTask;

    Thresholds thresholds() {
        return new Thresholds(
                heartbeatInterval,
                heartbeatTolerance,
                maxCancelLatency,
                maxFailFast,
                maxLlmLatency,
                maxTtft,
                maxCostPerTask);
    }
}
