package dev.navi.cli.internal;

/** The command line was used wrongly (exit 2): a bad option value picocli could not see. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
