package dev.navi.tools.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The command sandbox in {@code /health/ready} (bean name {@code sandboxHealthIndicator}: component
 * {@code sandbox}) and as the gauge {@code navi_tools_sandbox_available}, with refused commands counted in
 * {@code navi_tools_sandbox_refusals_total}. Ready is down only when the sandbox is
 * required and does not work: such a server would refuse every command.
 */
@Component
class SandboxHealthIndicator implements HealthIndicator {

    private final CommandSandbox sandbox;

    SandboxHealthIndicator(CommandSandbox sandbox, MeterRegistry meters) {
        this.sandbox = sandbox;
        Gauge.builder("navi_tools_sandbox_available", sandbox, s -> s.available() ? 1 : 0)
                .description("1 when run_command runs inside bubblewrap, 0 when it runs bare or is refused")
                .register(meters);
        FunctionCounter.builder("navi.tools.sandbox.refusals", sandbox, CommandSandbox::refusals)
                .description(
                        "run_command calls refused because navi.tools.sandbox is required and bubblewrap does not work")
                .register(meters);
    }

    @Override
    public Health health() {
        Health.Builder builder =
                !sandbox.available() && sandbox.mode() == SandboxMode.REQUIRED ? Health.down() : Health.up();
        builder.withDetail("mode", sandbox.mode().name().toLowerCase(Locale.ROOT))
                .withDetail("available", sandbox.available())
                .withDetail("network", sandbox.network());
        sandbox.unavailableReason().ifPresent(reason -> builder.withDetail("reason", reason));
        return builder.build();
    }
}
