package dev.navi.llmsim.internal;

import java.nio.file.Path;

/**
 * Arguments of the {@code llm-sim} command: {@code --port P --scripts DIR}.
 *
 * @param port port to listen on, 0 for a free one
 * @param scriptsDir directory of {@code *.json} scripts
 */
public record SimCommandLine(int port, Path scriptsDir) {

    public static final int DEFAULT_PORT = 8788;
    public static final String DEFAULT_SCRIPTS_DIR = "llm-sim-scripts";

    /** Parses the arguments; unknown or incomplete ones are an {@link IllegalArgumentException}. */
    public static SimCommandLine parse(String... args) {
        int port = DEFAULT_PORT;
        Path scriptsDir = Path.of(DEFAULT_SCRIPTS_DIR);
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + args[i] + "; " + USAGE);
            }
            switch (args[i]) {
                case "--port" -> port = port(args[i + 1]);
                case "--scripts" -> scriptsDir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "; " + USAGE);
            }
        }
        return new SimCommandLine(port, scriptsDir);
    }

    private static final String USAGE =
            "usage: llm-sim [--port " + DEFAULT_PORT + "] [--scripts ./" + DEFAULT_SCRIPTS_DIR + "]";

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Port is not a number: " + value, e);
        }
    }
}
