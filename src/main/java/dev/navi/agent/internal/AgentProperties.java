package dev.navi.agent.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process worker.
 *
 * @param workerEnabled whether this process claims and runs tasks
 * @param concurrency tasks this process runs at the same time
 * @param pollInterval how often the worker looks for queued tasks, cancellations from other
 *     processes and expired leases (a new task in this process wakes it at once)
 * @param leaseDuration how long a claimed task stays this worker's without a renewal; a task whose
 *     lease expires (its worker died) goes back to the queue and is resumed by any worker
 * @param maxOutputTokens output tokens requested per model call
 * @param maxRecoveries how many times a task is put back in the queue after its lease expired or its
 *     worker handed it back while stopping; the next time it fails as {@code worker_lost}
 * @param approvals tool calls that wait for a person's approval (tasks submitted with {@code approvals})
 */
@ConfigurationProperties("navi.agent")
record AgentProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("4") int concurrency,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("60s") Duration leaseDuration,
        @DefaultValue("8192") int maxOutputTokens,
        @DefaultValue("3") int maxRecoveries,
        @DefaultValue Approvals approvals) {

    /**
     * Approvals before risky tool calls.
     *
     * @param allowedCommands commands that never need an approval, whatever a task's mode: each entry
     *     matches a command equal to it, or starting with it and a space ({@code "mvn -q test"} matches
     *     {@code mvn -q test} and {@code mvn -q test -Dx=1}, not {@code mvn -q tests}); a command holding
     *     {@code ;}, {@code &}, {@code |}, a backtick, {@code $(}, a redirection or a line break never
     *     matches
     * @param timeout how long an approval waits for a decision; then it expires and the call is refused
     */
    record Approvals(
            @DefaultValue List<String> allowedCommands,
            @DefaultValue("15m") Duration timeout) {}
}
