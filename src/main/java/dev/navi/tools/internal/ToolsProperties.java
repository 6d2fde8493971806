package dev.navi.tools.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the tools offered to the model.
 *
 * @param commandTimeout how long {@code run_command} may run when the model gives no timeout
 * @param maxCommandTimeout the longest timeout the model may ask {@code run_command} for
 * @param maxOutputBytes the most bytes of any tool's output sent back to the model
 * @param maxSearchResults the most matching lines {@code search} returns
 * @param maxListEntries the most entries {@code list_files} returns
 * @param maxReadLines the most lines {@code read_file} returns in one call
 * @param maxFileBytes the largest file {@code write_file} and {@code edit_file} write, and the largest
 *     file a {@code run_command} process may write ({@code ulimit -f})
 * @param sandbox {@code required} (commands only inside bubblewrap, refused without it), {@code auto} (inside
 *     bubblewrap when it works here, else bare with a warning) or {@code off} (bare, with a warning)
 * @param sandboxNetwork whether commands inside the sandbox may use the network (none at all by default)
 * @param maxCommandCpuTime the CPU time each process of a sandboxed command may use
 * @param maxCommandMemoryBytes the address space each process of a sandboxed command may map
 * @param maxCommandProcesses the processes a sandboxed command may have at once (not enforced when NAVI runs as
 *     root: Linux exempts root from this limit)
 */
@ConfigurationProperties("navi.tools")
record ToolsProperties(
        @DefaultValue("120s") Duration commandTimeout,
        @DefaultValue("600s") Duration maxCommandTimeout,
        @DefaultValue("32768") int maxOutputBytes,
        @DefaultValue("200") int maxSearchResults,
        @DefaultValue("1000") int maxListEntries,
        @DefaultValue("2000") int maxReadLines,
        @DefaultValue("268435456") long maxFileBytes,
        @DefaultValue("auto") SandboxMode sandbox,
        @DefaultValue("false") boolean sandboxNetwork,
        @DefaultValue("600s") Duration maxCommandCpuTime,
        @DefaultValue("8589934592") long maxCommandMemoryBytes,
        @DefaultValue("256") int maxCommandProcesses) {}
