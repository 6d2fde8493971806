package dev.navi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NaviCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NaviCli.run(
                Map.of("NAVI_URL", "http://127.0.0.1:1"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    @Test
    void whenAskedForItsCommandsThenTheClientCommandsAreThere() {
        assertThat(NaviCli.commands())
                .contains("submit", "tasks", "show", "watch", "cancel", "diff", "approve", "deny")
                .doesNotContain("serve", "llm-sim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"submit", "tasks", "show", "watch", "cancel", "diff", "approve", "deny"})
    void whenACommandsHelpIsAskedForThenItIsPrintedWithTheBaseUrlOption(String command) {
        assertThat(run(command, "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: navi " + command)
                .contains("--base-url=URL")
                .doesNotContain("--version");
    }

    @Test
    void whenAnOptionIsUnknownThenItIsAUsageErrorOnStderr() {
        assertThat(run("tasks", "--colour")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--colour'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void whenTheEnvironmentNamesAnUnreachableNaviThenItExitsFour() {
        assertThat(run("show", "7f1c2a9e-0000-4000-8000-000000000001")).isEqualTo(4);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach NAVI at http://127.0.0.1:1");
    }
}
