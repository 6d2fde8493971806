package dev.navi.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --base-url}, shared by every command that talks to a NAVI (a picocli mixin). */
public final class ConnectionOptions {

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "NAVI's URL (default: $NAVI_URL, else " + Connection.DEFAULT_BASE_URL + ")")
    String baseUrl;

    public Connection connection() {
        return Connection.resolve(baseUrl, CliEnvironment.current().variables());
    }

    /** A client whose notices (rate-limit waits) go to {@code notices}, usually stderr. */
    public NaviClient client(PrintStream notices) {
        return new NaviClient(connection(), Duration.ofSeconds(60), notices);
    }
}
