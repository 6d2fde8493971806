package dev.navi.cli.internal.readiness;

/** How one check ended; what was seen is always said, whichever the outcome. */
sealed interface Outcome {

    /** What was seen (passed, failed) or why it could not be checked (warned). */
    String text();

    /** The check ran and what it saw meets the requirement. */
    record Pass(String text) implements Outcome {}

    /** The check could not run, or could not decide (e.g. a metric emitted only after activity). */
    record Warn(String text) implements Outcome {}

    /** The check ran and what it saw does not meet the requirement. */
    record Fail(String text) implements Outcome {}

    static Outcome pass(String text) {
        return new Pass(text);
    }

    static Outcome warn(String text) {
        return new Warn(text);
    }

    static Outcome fail(String text) {
        return new Fail(text);
    }

    default String symbol() {
        return switch (this) {
            case Pass p -> "✅";
            case Warn w -> "⚠️";
            case Fail f -> "❌";
        };
    }

    default String status() {
        return switch (this) {
            case Pass p -> "pass";
            case Warn w -> "warn";
            case Fail f -> "fail";
        };
    }
}
