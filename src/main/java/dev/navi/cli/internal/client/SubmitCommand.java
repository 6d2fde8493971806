package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.ConnectionOptions;
import dev.navi.cli.internal.ExitCodes;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.UsageException;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code navi submit}: a new task; its id, or with {@code --follow} its live progress and outcome. */
@Command(
        name = "submit",
        description = "Submit a task. Prints its id, or with --follow its progress, and exits with its outcome.")
public final class SubmitCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    HelpOption help;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = "--workspace",
                paramLabel = "PATH",
                description = "A directory under your tenant's directory of NAVI's workspaces root (relative)")
        String path;

        @Option(
                names = "--git",
                paramLabel = "URL[@REF]",
                description = "A git repository, optionally at a branch or tag: https://host/repo.git@main")
        String git;
    }

    @Option(names = "--model", paramLabel = "M", description = "The model (default: NAVI's)")
    String model;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Stop the task past this spend")
    BigDecimal maxCost;

    @Option(names = "--max-iterations", paramLabel = "N", description = "Stop the task after N model turns")
    Integer maxIterations;

    @Option(
            names = "--approvals",
            paramLabel = "MODE",
            description = "never (default), commands or writes: which tool calls wait for `navi approve`")
    String approvals;

    @Option(names = "--follow", description = "Show the task's progress and exit with its outcome")
    boolean follow;

    @Option(names = "--cancel-on-exit", description = "With --follow: Ctrl-C cancels the task instead of detaching")
    boolean cancelOnExit;

    @Option(names = "--json", description = "The task as JSON; with --follow one event per line")
    boolean json;

    @Parameters(paramLabel = "PROMPT", description = "What the task should do")
    String prompt;

    @Override
    public Integer call() {
        if (cancelOnExit && !follow) {
            throw new UsageException("--cancel-on-exit needs --follow");
        }
        var io = CliEnvironment.current();
        var client = connection.client(io.err());
        var task = client.post("/api/v1/tasks", body());
        var id = task.path("id").asString();
        if (follow) {
            if (!json) {
                io.err().println("navi: submitted task " + id);
            }
            return new Follow(client, id, io, json, cancelOnExit).run();
        }
        io.out().println(json ? NaviClient.json().writeValueAsString(task) : id);
        return ExitCodes.SUCCEEDED;
    }

    ObjectNode body() {
        var body = NaviClient.json().createObjectNode();
        body.put("prompt", prompt);
        var workspace = body.putObject("workspace");
        if (source.path != null) {
            workspace.put("path", source.path);
        } else {
            var git = GitSource.parse(source.git);
            workspace.put("git", git.url());
            if (git.ref() != null) {
                workspace.put("ref", git.ref());
            }
        }
        if (model != null) {
            body.put("model", model);
        }
        if (maxCost != null || maxIterations != null) {
            var limits = body.putObject("limits");
            if (maxCost != null) {
                limits.put("maxCostUsd", maxCost);
            }
            if (maxIterations != null) {
                limits.put("maxIterations", maxIterations);
            }
        }
        if (approvals != null) {
            body.put("approvals", approvals);
        }
        return body;
    }
}
