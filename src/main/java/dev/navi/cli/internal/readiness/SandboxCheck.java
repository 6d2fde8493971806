package dev.navi.cli.internal.readiness;

import java.util.Optional;

/**
 * Whether {@code run_command} runs inside bubblewrap. NAVI says so in two places: the {@code sandbox}
 * component of {@code /health/ready} (details shown to an admin on the API port) and the gauge
 * {@code navi_tools_sandbox_available}. The first one that answers decides.
 */
final class SandboxCheck {

    static final String CHECK = "the command sandbox is active";
    static final String GAUGE = "navi_tools_sandbox_available";

    private SandboxCheck() {}

    static Row check(Target target, Http.Reply health, Optional<MetricsText> metrics) {
        var fromHealth = fromHealth(target, health);
        if (fromHealth.isPresent()) {
            return fromHealth.get();
        }
        var evidence = GAUGE + " in GET " + target.management("/metrics");
        if (metrics.isEmpty()) {
            return Row.warn(
                    Section.SECURITY,
                    CHECK,
                    evidence,
                    "neither /health/ready details (need an admin token on a port that shows them) nor /metrics could be read");
        }
        var value = metrics.get().single(GAUGE);
        if (value.isEmpty()) {
            return Row.warn(Section.SECURITY, CHECK, evidence, GAUGE + " is not exposed by this NAVI");
        }
        return value.getAsDouble() == 1
                ? Row.pass(Section.SECURITY, CHECK, evidence, GAUGE + " 1: run_command runs inside bubblewrap")
                : Row.fail(
                        Section.SECURITY,
                        CHECK,
                        evidence,
                        GAUGE + " " + value.getAsDouble()
                                + ": run_command runs without a sandbox or is refused (docs/security.md)");
    }

    private static Optional<Row> fromHealth(Target target, Http.Reply health) {
        if (!(health instanceof Http.Answered answer)) {
            return Optional.empty();
        }
        var sandbox = ServiceChecks.json(answer.body()).path("components").path("sandbox");
        var details = sandbox.path("details");
        if (!details.has("available")) {
            return Optional.empty();
        }
        var evidence = "components.sandbox of GET " + target.management("/health/ready") + " as admin";
        var seen = "status " + sandbox.path("status").asString("?") + ", mode "
                + details.path("mode").asString("?")
                + ", available " + details.path("available").asBoolean()
                + (details.has("reason") ? ", reason: " + details.path("reason").asString() : "");
        return Optional.of(
                details.path("available").asBoolean()
                        ? Row.pass(Section.SECURITY, CHECK, evidence, seen)
                        : Row.fail(Section.SECURITY, CHECK, evidence, seen));
    }
}
