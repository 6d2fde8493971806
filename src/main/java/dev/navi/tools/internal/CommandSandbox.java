package dev.navi.tools.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code run_command} runs: inside bubblewrap with per-command resource limits, or (by choice, or under
 * {@code auto} where bubblewrap cannot work) in a bare shell. Whether bubblewrap works is probed once, by running
 * {@code bwrap ... true} with the very arguments commands get.
 */
final class CommandSandbox {

    private static final Logger log = LoggerFactory.getLogger(CommandSandbox.class);
    private static final long PROBE_SECONDS = 20;

    private final SandboxMode mode;
    private final boolean network;
    private final List<String> limits;
    private final Optional<String> unavailable;
    private final LongAdder refusals = new LongAdder();

    private CommandSandbox(ToolsProperties properties, Optional<String> unavailable) {
        this.mode = properties.sandbox();
        this.network = properties.sandboxNetwork();
        this.limits = limits(properties);
        this.unavailable = unavailable;
    }

    /** Probes bubblewrap unless the sandbox is off, and says loudly what commands will run in. */
    static CommandSandbox probed(ToolsProperties properties) {
        Optional<String> unavailable =
                properties.sandbox() == SandboxMode.OFF ? Optional.of("navi.tools.sandbox is off") : probe(properties);
        CommandSandbox sandbox = new CommandSandbox(properties, unavailable);
        sandbox.report();
        return sandbox;
    }

    /** A sandbox known to be unavailable for {@code reason}, as a failed probe would find it. */
    static CommandSandbox unavailable(ToolsProperties properties, String reason) {
        return new CommandSandbox(properties, Optional.of(reason));
    }

    SandboxMode mode() {
        return mode;
    }

    boolean available() {
        return unavailable.isEmpty();
    }

    /** Why commands do not run in the sandbox, when they do not. */
    Optional<String> unavailableReason() {
        return unavailable;
    }

    /** How many commands were refused because the sandbox is required and does not work. */
    long refusals() {
        return refusals.sum();
    }

    boolean network() {
        return network;
    }

    /** True when commands run inside bubblewrap; false when they run bare; refused when it is required but missing. */
    boolean confines() {
        if (available()) {
            return true;
        }
        if (mode == SandboxMode.REQUIRED) {
            refusals.increment();
            throw new ToolException("run_command is disabled: navi.tools.sandbox is 'required' but the command sandbox "
                    + "(bubblewrap) does not work on this server (" + unavailable.orElseThrow() + "). No command was "
                    + "run; use the file tools instead.");
        }
        return false;
    }

    /** The command line for {@code /bin/sh -c command} in {@code workspace}, after {@code setsid}. */
    List<String> commandLine(Path workspace, String command) {
        List<String> line = new ArrayList<>(List.of("setsid"));
        if (confines()) {
            line.addAll(Bubblewrap.arguments(workspace, network));
            line.addAll(limits);
        }
        line.addAll(List.of("/bin/sh", "-c", command));
        return line;
    }

    private void report() {
        if (available()) {
            log.info("run_command runs inside bubblewrap (network {})", network ? "allowed" : "none");
            if (ProcessHandle.current().info().user().filter("root"::equals).isPresent()) {
                log.warn("NAVI runs as root: Linux does not apply the process limit (navi.tools.max-command-processes)"
                        + " to root, so a fork bomb is bounded only by the command timeout; run NAVI as another user");
            }
            return;
        }
        String reason = unavailable.orElseThrow();
        switch (mode) {
            case REQUIRED ->
                log.error(
                        "run_command is refused: navi.tools.sandbox is 'required' but bubblewrap does "
                                + "not work here ({}). Install bubblewrap and allow it to create namespaces",
                        reason);
            case AUTO ->
                log.warn(
                        "run_command runs WITHOUT a sandbox: bubblewrap does not work here ({}). Commands "
                                + "can read and write whatever NAVI can. Install bubblewrap, or set navi.tools.sandbox",
                        reason);
            case OFF ->
                log.warn("run_command runs WITHOUT a sandbox (navi.tools.sandbox=off). Commands can read and "
                        + "write whatever NAVI can");
        }
    }

    /** CPU seconds, address space and processes; {@code ulimit -f} in the shell caps the file size. */
    private static List<String> limits(ToolsProperties properties) {
        return List.of(
                "prlimit",
                "--cpu=" + Math.max(1, properties.maxCommandCpuTime().toSeconds()),
                "--as=" + properties.maxCommandMemoryBytes(),
                "--nproc=" + properties.maxCommandProcesses(),
                "--");
    }

    private static Optional<String> probe(ToolsProperties properties) {
        Path directory = null;
        Path log = null;
        try {
            directory = Files.createTempDirectory("navi-sandbox-probe");
            log = Files.createTempFile("navi-sandbox-probe", ".log");
            List<String> line = new ArrayList<>(Bubblewrap.arguments(directory, properties.sandboxNetwork()));
            line.addAll(limits(properties));
            line.add("true");
            Process process = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("'bwrap ... true' did not end within " + PROBE_SECONDS + " s");
            }
            return process.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of("'bwrap ... true' exited with " + process.exitValue() + ": "
                            + Files.readString(log).strip());
        } catch (IOException e) {
            return Optional.of("cannot run bwrap: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the probe was interrupted");
        } finally {
            deleteQuietly(directory);
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a leftover empty file in the temporary directory
            }
        }
    }
}
