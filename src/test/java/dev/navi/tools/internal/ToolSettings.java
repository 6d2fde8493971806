package dev.navi.tools.internal;

import java.time.Duration;

/** Tool settings for tests: the production defaults, with the values a test is about changed. */
final class ToolSettings {

    private ToolSettings() {}

    /** What {@code navi.tools.*} binds to when nothing is set ({@link ToolsConfigurationTest} checks it). */
    static ToolsProperties defaults() {
        return limits(Duration.ofSeconds(120), Duration.ofSeconds(600), 32768, 200, 1000, 2000);
    }

    static ToolsProperties limits(
            Duration commandTimeout,
            Duration maxCommandTimeout,
            int maxOutputBytes,
            int maxSearchResults,
            int maxListEntries,
            int maxReadLines) {
        return limits(
                commandTimeout,
                maxCommandTimeout,
                maxOutputBytes,
                maxSearchResults,
                maxListEntries,
                maxReadLines,
                256L << 20);
    }

    static ToolsProperties limits(
            Duration commandTimeout,
            Duration maxCommandTimeout,
            int maxOutputBytes,
            int maxSearchResults,
            int maxListEntries,
            int maxReadLines,
            long maxFileBytes) {
        return new ToolsProperties(
                commandTimeout,
                maxCommandTimeout,
                maxOutputBytes,
                maxSearchResults,
                maxListEntries,
                maxReadLines,
                maxFileBytes,
                SandboxMode.AUTO,
                false,
                Duration.ofSeconds(600),
                8L << 30,
                256);
    }

    static ToolsProperties sandboxed(ToolsProperties p, SandboxMode mode, boolean network) {
        return new ToolsProperties(
                p.commandTimeout(),
                p.maxCommandTimeout(),
                p.maxOutputBytes(),
                p.maxSearchResults(),
                p.maxListEntries(),
                p.maxReadLines(),
                p.maxFileBytes(),
                mode,
                network,
                p.maxCommandCpuTime(),
                p.maxCommandMemoryBytes(),
                p.maxCommandProcesses());
    }

    static ToolsProperties commandLimits(ToolsProperties p, Duration cpuTime, long memoryBytes, int processes) {
        return new ToolsProperties(
                p.commandTimeout(),
                p.maxCommandTimeout(),
                p.maxOutputBytes(),
                p.maxSearchResults(),
                p.maxListEntries(),
                p.maxReadLines(),
                p.maxFileBytes(),
                p.sandbox(),
                p.sandboxNetwork(),
                cpuTime,
                memoryBytes,
                processes);
    }
}
