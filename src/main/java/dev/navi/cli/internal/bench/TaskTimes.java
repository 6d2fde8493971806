package dev.navi.cli.internal.bench;

import dev.navi.cli.internal.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one finished task's events say about where its time went, all from the server's own event
 * timestamps (microseconds) and the durations NAVI measured itself: a step is one iteration, from its
 * {@code llm.request} to the next one (or the terminal event); its platform time is that span minus
 * the step's {@code llm.response} latency and its {@code tool.result} duration, to the microsecond
 * ({@code latencyMicros}, {@code durationMicros}; whole milliseconds from a NAVI that sends only those).
 *
 * @param queuedToStartedMs {@code task.queued} (stored before the 201) to {@code task.started}
 * @param queuedToFirstRequestMs {@code task.queued} to the first {@code llm.request}
 * @param wallMs {@code task.started} to the terminal event
 * @param stepPlatformMs per step, in order
 * @param stepWithCallMs per step, in order: its span minus only its tools, so the model call is in it,
 *     together with whatever NAVI did while the call was in flight
 * @param llmLatencyMs each {@code llm.response}'s latency
 */
record TaskTimes(
        String status,
        double queuedToStartedMs,
        double queuedToFirstRequestMs,
        double wallMs,
        double llmMs,
        double toolsMs,
        List<Double> stepPlatformMs,
        List<Double> stepWithCallMs,
        List<Double> llmLatencyMs) {

    int steps() {
        return stepPlatformMs.size();
    }

    boolean succeeded() {
        return "task.succeeded".equals(status);
    }

    static TaskTimes of(List<StreamEvent> events) {
        Instant queued = null;
        Instant started = null;
        Instant terminal = null;
        var terminalType = "none";
        var requests = new ArrayList<Instant>();
        var iterations = new ArrayList<Integer>();
        var latency = new HashMap<Integer, Double>();
        var tools = new HashMap<Integer, Double>();
        for (var event : events) {
            var ts = Instant.parse(event.data().path("ts").asString());
            var iteration = event.data().path("iteration").asInt(0);
            switch (event.type()) {
                case "task.queued" -> queued = ts;
                case "task.started" -> started = ts;
                case "llm.request" -> {
                    requests.add(ts);
                    iterations.add(iteration);
                }
                case "llm.response" -> latency.merge(iteration, millis(event, "latency"), Double::sum);
                case "tool.result" -> tools.merge(iteration, millis(event, "duration"), Double::sum);
                default -> {
                    if (event.isTerminal()) {
                        terminal = ts;
                        terminalType = event.type();
                    }
                }
            }
        }
        if (queued == null || started == null || terminal == null || requests.isEmpty()) {
            return new TaskTimes(terminalType, 0, 0, 0, 0, 0, List.of(), List.of(), List.of());
        }
        return new TaskTimes(
                terminalType,
                between(queued, started),
                between(queued, requests.getFirst()),
                between(started, terminal),
                sum(latency),
                sum(tools),
                steps(requests, iterations, terminal, latency, tools),
                steps(requests, iterations, terminal, Map.of(), tools),
                List.copyOf(latency.values()));
    }

    private static List<Double> steps(
            List<Instant> requests,
            List<Integer> iterations,
            Instant terminal,
            Map<Integer, Double> latency,
            Map<Integer, Double> tools) {
        var steps = new ArrayList<Double>();
        for (var i = 0; i < requests.size(); i++) {
            var end = i + 1 < requests.size() ? requests.get(i + 1) : terminal;
            var iteration = iterations.get(i);
            steps.add(between(requests.get(i), end)
                    - latency.getOrDefault(iteration, 0.0)
                    - tools.getOrDefault(iteration, 0.0));
        }
        return steps;
    }

    /** {@code <name>Micros} in milliseconds, else (a NAVI that does not send it) the whole {@code <name>Ms}. */
    private static double millis(StreamEvent event, String name) {
        var micros = event.data().path(name + "Micros");
        return micros.isNumber()
                ? micros.asDouble() / 1_000
                : event.data().path(name + "Ms").asDouble(0);
    }

    private static double sum(Map<Integer, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double between(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
