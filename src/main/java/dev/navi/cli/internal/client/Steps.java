package dev.navi.cli.internal.client;

import dev.navi.cli.internal.StreamEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** One line per step of a task, for a person; remembers each tool call's target for its result. */
final class Steps {

    private static final int TEXT = 72;
    private static final int TARGET = 60;
    private static final String[] TARGET_FIELDS = {"command", "path", "pattern", "query", "url"};

    private final String taskId;
    private final Map<String, String> calls = new HashMap<>();

    Steps(String taskId) {
        this.taskId = taskId;
    }

    /** The tool and what it acts on: {@code run_command cat hello.txt}. */
    static String call(String tool, JsonNode arguments) {
        var parsed = arguments.isString() ? parse(arguments.asString()) : arguments;
        for (var field : TARGET_FIELDS) {
            var value = parsed.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                return tool + " " + Text.abbreviate(value.asString(), TARGET);
            }
        }
        return tool;
    }

    Optional<String> describe(StreamEvent event) {
        var data = event.data();
        var step = "[" + data.path("iteration").asInt(0) + "]";
        return Optional.ofNullable(
                switch (event.type()) {
                    case "task.queued" ->
                        row(
                                "queued",
                                "model " + Text.string(data, "model", "default") + ", workspace "
                                        + Text.string(data, "workspace", "?"));
                    case "task.started" -> row("started", "worker " + Text.string(data, "workerId", "?"));
                    case "task.resumed" ->
                        row(
                                "resumed",
                                "attempt " + data.path("attempt").asInt() + ", worker "
                                        + Text.string(data, "workerId", "?"));
                    case "llm.response" -> row(step + " llm", response(data));
                    case "llm.retry" -> row(step + " retry", retry(data));
                    case "tool.call" -> remember(data);
                    case "tool.result" -> row(step + " tool", result(data));
                    case "approval.requested" -> approval(data);
                    case "approval.decided" ->
                        row(
                                "decided",
                                data.path("decision").asString("?") + " by " + Text.string(data, "by", "?")
                                        + reason(data));
                    case "task.succeeded" -> row("succeeded", Text.abbreviate(Text.string(data, "summary", ""), TEXT));
                    case "task.failed" -> row("failed", failure(data));
                    case "task.cancelled" -> row("cancelled", "");
                    default -> null; // llm.request and types added later: the status line shows they happen
                });
    }

    private String remember(JsonNode data) {
        calls.put(data.path("toolCallId").asString(""), call(data.path("tool").asString("?"), data.path("arguments")));
        return null;
    }

    private static String response(JsonNode data) {
        var text = Text.abbreviate(Text.string(data, "text", ""), TEXT);
        var tools = new StringBuilder();
        data.path("toolCalls")
                .forEach(call -> tools.append(tools.isEmpty() ? "-> " : ", ")
                        .append(call.path("name").asString("?")));
        var said = text.isEmpty() ? tools.toString() : "\"" + text + "\"" + (tools.isEmpty() ? "" : " " + tools);
        return said + "  " + Text.tokens(data.path("inputTokens").asLong(0)) + " in / "
                + Text.tokens(data.path("outputTokens").asLong(0)) + " out, "
                + Text.millis(data.path("latencyMs").asLong(0));
    }

    private static String retry(JsonNode data) {
        return data.path("errorClass").asString("?") + " (attempt "
                + data.path("attempt").asInt() + "), waiting "
                + Text.millis(data.path("waitMs").asLong(0)) + ": "
                + Text.abbreviate(Text.string(data, "message", ""), TEXT);
    }

    private String result(JsonNode data) {
        var target = calls.getOrDefault(
                data.path("toolCallId").asString(""), data.path("tool").asString("?"));
        var exit = data.path("exitCode");
        var outcome = exit.isNumber() ? "exit " + exit.asInt() : data.path("ok").asBoolean() ? "ok" : "failed";
        var line = target + "  " + outcome + "  "
                + Text.millis(data.path("durationMs").asLong(0));
        return data.path("ok").asBoolean()
                ? line
                : line + ": " + Text.abbreviate(Text.string(data, "output", ""), TEXT);
    }

    private String approval(JsonNode data) {
        var approvalId = data.path("approvalId").asString("?");
        var call = call(data.path("tool").asString("?"), data.path("arguments"));
        calls.put(data.path("toolCallId").asString(""), call);
        return row("approval", call + " waits for a decision (expires " + Text.string(data, "expiresAt", "?") + ")")
                + System.lineSeparator()
                + row("", "navi approve " + taskId + " " + approvalId)
                + System.lineSeparator()
                + row("", "navi deny " + taskId + " " + approvalId + " --reason \"...\"");
    }

    /** {@code stop reason: [error class: ]message}, the class only when it says more than the reason. */
    private static String failure(JsonNode data) {
        var stopReason = Text.string(data, "stopReason", "?");
        var errorClass = Text.string(data, "errorClass", stopReason);
        return stopReason + ": " + (errorClass.equals(stopReason) ? "" : errorClass + ": ")
                + Text.abbreviate(Text.string(data, "message", ""), TEXT);
    }

    private static String reason(JsonNode data) {
        var reason = Text.string(data, "reason", "");
        return reason.isBlank() ? "" : ": " + Text.abbreviate(reason, TEXT);
    }

    private static String row(String label, String text) {
        return String.format(Locale.ROOT, "%-10s %s", label, text).stripTrailing();
    }

    private static JsonNode parse(String arguments) {
        try {
            return dev.navi.cli.internal.NaviClient.json().readTree(arguments);
        } catch (RuntimeException notJson) {
            return dev.navi.cli.internal.NaviClient.json().missingNode();
        }
    }
}
