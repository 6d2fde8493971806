package dev.navi.cli.internal.client;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} without picocli's {@code --version}, which a subcommand has nothing to say to. */
final class HelpOption {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit")
    boolean help;
}
