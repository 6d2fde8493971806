package dev.navi.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code navi audit verify}: starts NAVI without its web server and workers, on the configured database
 * (the embedded one under {@code NAVI_HOME} when no URL is set), walks the whole audit chain and exits
 * 0 when it is intact, 1 at the first row that is not, 2 for a usage error and 3 when it cannot check.
 */
public final class AuditCommand {

    static final String USAGE = "usage: navi audit verify [--navi.<setting>=<value> ...]";

    private AuditCommand() {}

    public static int run(Class<?> application, String[] args) {
        if (args.length == 0 || !args[0].equals("verify")) {
            System.err.println(USAGE);
            return 2;
        }
        var settings = Stream.concat(
                        Arrays.stream(args, 1, args.length),
                        // last, so nothing overrides them: no task may run while the chain is read
                        Stream.of("--navi.agent.worker-enabled=false", "--spring.main.banner-mode=off"))
                .toArray(String[]::new);
        var spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setLogStartupInfo(false);
        // the summary line is the output; other modules' startup warnings are about serving, not this
        spring.setDefaultProperties(
                java.util.Map.of("logging.level.root", "error", "logging.level.dev.navi.audit", "warn"));
        spring.addInitializers(AuditCommand::refuseARunningEmbeddedServer);
        try (ConfigurableApplicationContext context = spring.run(settings)) {
            var report = context.getBean(AuditVerifier.class).verify();
            (report.intact() ? System.out : System.err).println(report.summary());
            return report.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            System.err.println("audit verify: cannot check the audit log: " + rootMessage(e));
            return 3;
        }
    }

    /**
     * Starting the embedded server of a data directory stops the one already running there: a NAVI
     * serving from the same {@code NAVI_HOME} would lose its database under it.
     */
    private static void refuseARunningEmbeddedServer(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        var url = environment.getProperty("navi.database.url", "");
        var data = environment.getProperty("navi.database.embedded-data-directory");
        if (!url.isBlank() || data == null) {
            return;
        }
        var pidFile = Path.of(data).resolve("postmaster.pid");
        try (var lines = Files.lines(pidFile)) {
            var pid = lines.findFirst()
                    .map(String::strip)
                    .filter(l -> l.matches("\\d+"))
                    .map(Long::parseLong);
            var running = pid.flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().orElse("").contains("postgres"));
            if (running.isPresent()) {
                throw new IllegalStateException("the embedded PostgreSQL in " + data + " is running (pid " + pid.get()
                        + "): stop NAVI first, or point NAVI_DATABASE_URL (and _USER, _PASSWORD) at it");
            }
        } catch (IOException e) {
            // no pid file: no server running there
        }
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
