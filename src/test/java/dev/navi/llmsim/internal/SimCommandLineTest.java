package dev.navi.llmsim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimCommandLineTest {

    @Test
    void whenNoArgumentsThenDefaults() {
        assertThat(SimCommandLine.parse()).isEqualTo(new SimCommandLine(8788, Path.of("llm-sim-scripts")));
    }

    @Test
    void whenPortAndScriptsAreGivenThenTheyAreUsed() {
        assertThat(SimCommandLine.parse("--scripts", "sims", "--port", "9000"))
                .isEqualTo(new SimCommandLine(9000, Path.of("sims")));
    }

    @Test
    void whenArgumentIsUnknownThenUsageIsShown() {
        assertThatThrownBy(() -> SimCommandLine.parse("--verbose", "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage: llm-sim");
    }

    @Test
    void whenValueIsMissingOrBadThenItIsRejected() {
        assertThatThrownBy(() -> SimCommandLine.parse("--port")).hasMessageContaining("Missing value after --port");
        assertThatThrownBy(() -> SimCommandLine.parse("--port", "x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> SimCommandLine.parse("--port", "70000")).hasMessageContaining("out of range");
    }
}
