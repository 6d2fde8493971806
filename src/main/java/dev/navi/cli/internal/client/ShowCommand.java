package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code navi show ID}: one task, field by field; a waiting task's pending approvals with their commands. */
@Command(name = "show", description = "Show a task.")
public final class ShowCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "ID", description = "The task's id")
    String id;

    @Option(names = "--json", description = "NAVI's answer as JSON")
    boolean json;

    @Override
    public Integer call() {
        var io = CliEnvironment.current();
        var client = connection.client(io.err());
        var taskId = Ids.task(id);
        var task = client.get("/api/v1/tasks/" + taskId);
        if (json) {
            io.out().println(NaviClient.json().writeValueAsString(task));
            return ExitCodes.SUCCEEDED;
        }
        print(io.out(), task);
        if ("waiting_approval".equals(task.path("status").asString())) {
            client.get("/api/v1/tasks/" + taskId + "/approvals").path("items").forEach(approval -> {
                if ("pending".equals(approval.path("status").asString())) {
                    pending(io.out(), taskId, approval);
                }
            });
        }
        return ExitCodes.SUCCEEDED;
    }

    private static void print(PrintStream out, JsonNode task) {
        var usage = task.path("usage");
        var workspace = task.path("workspace");
        field(out, "id", task.path("id").asString());
        field(out, "status", task.path("status").asString() + stopReason(task));
        field(out, "prompt", task.path("prompt").asString(""));
        field(out, "model", Text.string(task, "model", "(NAVI's default)"));
        field(
                out,
                "workspace",
                workspace.has("path")
                        ? workspace.path("path").asString()
                        : Text.string(workspace, "git", "?")
                                + (workspace.has("ref")
                                        ? " @ " + workspace.path("ref").asString()
                                        : ""));
        field(out, "approvals", Text.string(task, "approvals", "never"));
        field(out, "created", Text.string(task, "createdAt", "-"));
        field(out, "started", Text.string(task, "startedAt", "-"));
        field(out, "finished", Text.string(task, "finishedAt", "-"));
        field(
                out,
                "iterations",
                task.path("iterations").asInt() + " of "
                        + task.path("limits").path("maxIterations").asInt());
        field(
                out,
                "tokens",
                Text.tokens(usage.path("inputTokens").asLong()) + " in / "
                        + Text.tokens(usage.path("outputTokens").asLong()) + " out, "
                        + usage.path("llmCalls").asInt()
                        + " model calls");
        field(out, "cost", Text.cost(Text.decimal(usage, "costUsd"), Text.costKnown(usage)));
        if (task.has("summary")) {
            field(out, "summary", task.path("summary").asString());
        }
        if (task.has("error")) {
            field(
                    out,
                    "error",
                    task.path("error").path("class").asString("?") + ": "
                            + task.path("error").path("message").asString(""));
        }
    }

    private static void pending(PrintStream out, String taskId, JsonNode approval) {
        var approvalId = approval.path("id").asString();
        field(
                out,
                "waits for",
                approval.path("tool").asString("?") + " "
                        + Text.abbreviate(approval.path("arguments").asString(""), 60));
        field(out, "", "navi approve " + taskId + " " + approvalId);
        field(out, "", "navi deny " + taskId + " " + approvalId + " --reason \"...\"");
    }

    private static String stopReason(JsonNode task) {
        return task.has("stopReason") ? " (" + task.path("stopReason").asString() + ")" : "";
    }

    private static void field(PrintStream out, String name, String value) {
        out.println(String.format(Locale.ROOT, "%-11s %s", name, value).stripTrailing());
    }
}
