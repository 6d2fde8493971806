package dev.navi.cli.internal.validate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** One task the validator submitted and followed: its id, when it was submitted, what the stream said. */
record TaskRun(String id, long submittedNanos, Recording recording, String diff) {

    static final java.util.Set<String> UPSTREAM =
            java.util.Set.of("overloaded", "server_error", "timeout", "network", "stream_interrupted");

    Optional<JsonNode> terminal() {
        return recording.terminal().map(Recording.Arrival::data);
    }

    String status() {
        return recording
                .terminal()
                .map(a -> a.type().substring("task.".length()))
                .orElse("unknown");
    }

    String stopReason() {
        return terminal().map(t -> t.path("stopReason").asString(null)).orElse(null);
    }

    String errorClass() {
        return terminal().map(t -> t.path("errorClass").asString(null)).orElse(null);
    }

    JsonNode totals() {
        return terminal().map(t -> t.path("totals")).orElse(null);
    }

    int iterations() {
        return totals() == null ? 0 : totals().path("iterations").asInt(0);
    }

    long inputTokens() {
        return totals() == null ? 0 : totals().path("inputTokens").asLong(0);
    }

    long outputTokens() {
        return totals() == null ? 0 : totals().path("outputTokens").asLong(0);
    }

    /** Empty when NAVI does not know the cost (an unpriced model) or the task did not finish. */
    Optional<Double> costUsd() {
        var totals = totals();
        if (totals == null
                || !totals.path("costKnown").asBoolean(true)
                || totals.path("costUsd").isNull()) {
            return Optional.empty();
        }
        return totals.has("costUsd") ? Optional.of(totals.get("costUsd").asDouble()) : Optional.empty();
    }

    Optional<Duration> submitToFirstEvent() {
        return recording.events().stream().findFirst().map(a -> since(a.nanos()));
    }

    Optional<Duration> submitToStarted() {
        return recording.first("task.started").map(a -> since(a.nanos()));
    }

    Optional<Duration> wall() {
        return recording.terminal().map(a -> since(a.nanos()));
    }

    List<Long> llmLatenciesMs() {
        return llmResponses("latencyMs");
    }

    List<Long> timesToFirstTokenMs() {
        return llmResponses("timeToFirstTokenMs");
    }

    long retries() {
        return recording.events().stream()
                .filter(a -> a.type().equals("llm.retry"))
                .count();
    }

    /** Retries for the classes the LLM error rate SLO counts (upstream trouble, not rate limits). */
    long upstreamErrors() {
        return recording.events().stream()
                .filter(a -> a.type().equals("llm.retry"))
                .filter(a -> UPSTREAM.contains(a.data().path("errorClass").asString("")))
                .count();
    }

    private List<Long> llmResponses(String field) {
        return recording.events().stream()
                .filter(a -> a.type().equals("llm.response"))
                .map(Recording.Arrival::data)
                .filter(d -> d != null && d.hasNonNull(field))
                .map(d -> d.get(field).asLong())
                .toList();
    }

    private Duration since(long nanos) {
        return Duration.ofNanos(Math.max(0, nanos - submittedNanos));
    }
}
