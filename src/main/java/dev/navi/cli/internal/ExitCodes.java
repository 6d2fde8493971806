package dev.navi.cli.internal;

/** The command line's documented exit codes (docs/cli.md). */
public final class ExitCodes {

    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CANCELLED = 3;
    public static final int UNREACHABLE = 4;

    private ExitCodes() {}
}
