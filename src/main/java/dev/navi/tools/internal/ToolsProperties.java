package dev.navi.tools.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 */
@ConfigurationProperties("navi.tools")
record ToolsProperties(
        @DefaultValue("120s") Duration commandTimeout,
        @DefaultValue("600s") Duration maxCommandTimeout,
        @DefaultValue("32768") int maxOutputBytes,
        @DefaultValue("200") int maxSearchResults,
        @DefaultValue("1000") int maxListEntries,
        @DefaultValue("2000") int maxReadLines,
        @DefaultValue("268435456") long maxFileBytes) {

    static final long DEFAULT_MAX_FILE_BYTES = 268_435_456;

    @ConstructorBinding
    ToolsProperties {}

    ToolsProperties(
            Duration commandTimeout,
            Duration maxCommandTimeout,
            int maxOutputBytes,
            int maxSearchResults,
            int maxListEntries,
            int maxReadLines) {
        this(
                commandTimeout,
                maxCommandTimeout,
                maxOutputBytes,
                maxSearchResults,
                maxListEntries,
                maxReadLines,
                DEFAULT_MAX_FILE_BYTES);
    }

    static ToolsProperties defaults() {
        return new ToolsProperties(Duration.ofSeconds(120), Duration.ofSeconds(600), 32768, 200, 1000, 2000);
    }
}
