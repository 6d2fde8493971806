package dev.navi;

import dev.navi.audit.AuditCommand;
import dev.navi.cli.NaviCli;
import dev.navi.llmsim.LlmSim;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The one executable: {@code serve} (the default) runs NAVI; {@code llm-sim} runs the scripted LLM
 * provider server; {@code audit verify} checks the audit log's chain; the command line's commands
 * ({@code submit}, {@code watch}, {@code validate}, {@code bench}, {@code readiness}, ...) run as a
 * client of a NAVI, without a Spring context.
 */
@SpringBootApplication
public class NaviApplication {

    private static final Set<String> HELP = Set.of("--help", "-h", "help");

    public static void main(String[] args) {
        if (args.length > 0 && HELP.contains(args[0])) {
            System.exit(NaviCli.run("--help"));
        }
        var serve = args.length == 0 || (args[0].startsWith("-") && !args[0].equals("--version"));
        var command = serve ? "serve" : args[0];
        var rest = serve ? args : Arrays.copyOfRange(args, 1, args.length);
        if (NaviCli.handles(command)) {
            System.exit(NaviCli.run(args));
        }
        switch (command) {
            case "serve" -> SpringApplication.run(NaviApplication.class, rest);
            case "llm-sim" -> LlmSim.run(rest);
            case "audit" -> System.exit(AuditCommand.run(NaviApplication.class, rest));
            case "--version", "version" -> System.out.println("navi " + version());
            default -> {
                System.err.println("Unknown command '" + command
                        + "'. Commands: serve (default), llm-sim, audit verify, --version, "
                        + String.join(", ", NaviCli.commands()));
                System.exit(2);
            }
        }
    }

    private static String version() {
        var version = NaviApplication.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
