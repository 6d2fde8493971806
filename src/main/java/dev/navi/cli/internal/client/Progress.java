package dev.navi.cli.internal.client;

import dev.navi.cli.internal.StreamEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** What the status line shows, accumulated from the events: state, elapsed time, iteration, tokens, cost. */
final class Progress {

    private Instant start;
    private Instant end;
    private String state = "connecting";
    private int iteration;
    private long tokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private boolean costKnown = true;
    private String current = "";

    void accept(StreamEvent event) {
        var data = event.data();
        if (start == null) {
            start = Text.instant(data, "ts").orElse(null);
        }
        iteration = Math.max(iteration, data.path("iteration").asInt(0));
        switch (event.type()) {
            case "task.queued" -> state = "queued";
            case "task.started", "task.resumed" -> state = "running";
            case "llm.request" -> current = "waiting for the model";
            case "llm.response" -> addUsage(data);
            case "tool.call" -> current = Steps.call(data.path("tool").asString(""), data.path("arguments"));
            case "tool.result" -> current = "";
            case "approval.requested" -> {
                state = "waiting for approval";
                current = "";
            }
            case "task.succeeded", "task.failed", "task.cancelled" -> finish(event);
            default -> {
                // llm.retry, approval.decided and types added later change nothing shown here
            }
        }
    }

    private void addUsage(JsonNode data) {
        tokens += data.path("inputTokens").asLong(0) + data.path("outputTokens").asLong(0);
        var callCost = Text.decimal(data, "costUsd");
        if (Text.costKnown(data) && callCost != null) {
            cost = cost.add(callCost);
        } else {
            costKnown = false;
        }
        current = "";
    }

    private void finish(StreamEvent event) {
        var data = event.data();
        state = event.type().replaceFirst("^task\\.", "");
        end = Text.instant(data, "ts").orElse(null);
        current = "";
        var totals = data.path("totals");
        if (totals.isObject()) {
            iteration = totals.path("iterations").asInt(iteration);
            tokens = totals.path("inputTokens").asLong(0)
                    + totals.path("outputTokens").asLong(0);
            cost = Text.decimal(totals, "costUsd");
            costKnown = Text.costKnown(totals);
        }
    }

    /** {@code running | 12s | iteration 3 | 1,240 tokens | $0.0042 | run_command cat x}. */
    String line(Instant now) {
        var text = new StringBuilder(state);
        if (start != null) {
            text.append(" | ").append(Text.elapsed(Duration.between(start, end == null ? now : end)));
        }
        text.append(" | iteration ").append(iteration);
        text.append(" | ").append(Text.tokens(tokens)).append(" tokens");
        text.append(" | ").append(Text.cost(cost, costKnown));
        if (!current.isEmpty()) {
            text.append(" | ").append(current);
        }
        return text.toString();
    }
}
