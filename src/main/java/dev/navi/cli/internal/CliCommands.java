package dev.navi.cli.internal;

import dev.navi.cli.internal.bench.BenchCommand;
import dev.navi.cli.internal.client.ApproveCommand;
import dev.navi.cli.internal.client.CancelCommand;
import dev.navi.cli.internal.client.DenyCommand;
import dev.navi.cli.internal.client.DiffCommand;
import dev.navi.cli.internal.client.ShowCommand;
import dev.navi.cli.internal.client.SubmitCommand;
import dev.navi.cli.internal.client.TasksCommand;
import dev.navi.cli.internal.client.WatchCommand;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code navi} command tree and how its failures become exit codes. */
@Command(
        name = "navi",
        mixinStandardHelpOptions = true,
        description = {
            "NAVI's command line. Besides the commands below: `navi serve [--navi.<setting>=<value> ...]`"
                    + " (the default) runs the service, `navi llm-sim` the scripted LLM server, `navi audit"
                    + " verify` checks the audit log's chain, `navi --version` prints the version."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:succeeded",
            "1:failed (the task failed, a check did not pass, NAVI refused the request)",
            "2:usage error",
            "3:cancelled",
            "4:cannot reach NAVI"
        })
public final class CliCommands {

    /** Each command of the command line; {@code serve}, {@code llm-sim} and {@code audit} are not here. */
    private static final List<Class<?>> COMMANDS = List.of(
            SubmitCommand.class,
            TasksCommand.class,
            ShowCommand.class,
            WatchCommand.class,
            CancelCommand.class,
            DiffCommand.class,
            ApproveCommand.class,
            DenyCommand.class,
            dev.navi.cli.internal.validate.ValidateCommand.class,
            dev.navi.cli.internal.readiness.ReadinessCommand.class,
            BenchCommand.class);

    private CliCommands() {}

    public static Set<String> names() {
        var names = new LinkedHashSet<String>();
        for (var command : COMMANDS) {
            var annotation = command.getAnnotation(Command.class);
            names.add(annotation.name());
            names.addAll(List.of(annotation.aliases()));
        }
        return names;
    }

    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new CliCommands());
        COMMANDS.forEach(commandLine::addSubcommand);
        var io = CliEnvironment.current();
        return commandLine
                .setOut(new PrintWriter(io.out(), true))
                .setErr(new PrintWriter(io.err(), true))
                .setExecutionExceptionHandler(CliCommands::failed);
    }

    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        var err = commandLine.getErr();
        return switch (e) {
            case NaviUnreachableException unreachable -> {
                err.println("navi: " + unreachable.getMessage());
                err.println("navi: is NAVI running there? Point at it with --base-url or NAVI_URL");
                yield ExitCodes.UNREACHABLE;
            }
            case NaviApiException refused -> {
                err.println("navi: " + refused.explanation());
                yield ExitCodes.FAILED;
            }
            case UsageException usage -> {
                err.println("navi: " + usage.getMessage());
                commandLine.usage(err);
                yield ExitCodes.USAGE;
            }
            default -> throw e;
        };
    }
}
