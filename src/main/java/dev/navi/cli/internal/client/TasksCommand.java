package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code navi tasks}: the newest tasks as a table (id, status, age, iterations, cost, prompt). */
@Command(name = "tasks", description = "List tasks, newest first.")
public final class TasksCommand implements Callable<Integer> {

    private static final String ROW = "%-36s  %-16s  %5s  %5s  %12s  %s";
    private static final int PROMPT = 50;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @Option(
            names = "--status",
            paramLabel = "S",
            description = "Only tasks in this status: queued, running, waiting_approval, succeeded, failed, cancelled")
    String status;

    @Option(names = "--limit", paramLabel = "N", description = "At most N tasks (default: NAVI's page size)")
    Integer limit;

    @Option(names = "--json", description = "NAVI's answer as JSON")
    boolean json;

    @Override
    public Integer call() {
        var io = CliEnvironment.current();
        var page = connection.client(io.err()).get("/api/v1/tasks" + query());
        if (json) {
            io.out().println(NaviClient.json().writeValueAsString(page));
            return ExitCodes.SUCCEEDED;
        }
        var now = Instant.now();
        io.out().println(String.format(Locale.ROOT, ROW, "ID", "STATUS", "AGE", "ITER", "COST", "PROMPT"));
        page.path("items").forEach(task -> io.out().println(row(task, now)));
        return ExitCodes.SUCCEEDED;
    }

    private String query() {
        var query = new StringBuilder();
        if (status != null) {
            query.append("?status=").append(URLEncoder.encode(status, StandardCharsets.UTF_8));
        }
        if (limit != null) {
            query.append(query.isEmpty() ? '?' : '&').append("limit=").append(limit);
        }
        return query.toString();
    }

    private static String row(JsonNode task, Instant now) {
        var usage = task.path("usage");
        return String.format(
                Locale.ROOT,
                ROW,
                task.path("id").asString(),
                task.path("status").asString(),
                Text.instant(task, "createdAt")
                        .map(created -> Text.age(created, now))
                        .orElse("?"),
                task.path("iterations").asInt(),
                Text.cost(Text.decimal(usage, "costUsd"), Text.costKnown(usage)).replace("cost unknown", "?"),
                Text.abbreviate(task.path("prompt").asString(""), PROMPT));
    }
}
