package dev.navi.cli.internal.bench;

import dev.navi.cli.internal.NaviClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The NAVI under test and its llm-sim.
 *
 * @param metricsUrl where NAVI's {@code /metrics} answers (its management port when it has one)
 * @param workspaceRoot NAVI's workspaces root, where the benchmark's workspace is created (default tenant)
 * @param process the NAVI process when the benchmark started it: its CPU time is read from it
 * @param home that NAVI's home, holding its embedded database's data directory
 * @param embeddedDataDirectory the data directory of NAVI's embedded PostgreSQL, when known
 */
record Target(
        String description,
        NaviClient navi,
        URI simUrl,
        URI metricsUrl,
        String token,
        Path workspaceRoot,
        Optional<ProcessHandle> process,
        Optional<Path> home,
        Optional<Path> embeddedDataDirectory) {

    Optional<Cpu> cpu() {
        return Cpu.of(process, home);
    }
}
