package dev.navi.cli.internal.validate;

/** One service-contract check: what was measured against what was required, and whether it held. */
record CheckResult(String name, boolean passed, String measured, String target, String detail) {

    static CheckResult error(String name, String target, String why) {
        return new CheckResult(name, false, "not measured", target, why);
    }
}
