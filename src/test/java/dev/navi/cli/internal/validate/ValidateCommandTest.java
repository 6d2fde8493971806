package dev.navi.cli.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.cli.NaviCli;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @Nested
    class Usage {

        @Test
        void whenNeitherWorkspaceRootNorGitRemoteIsGivenThenItIsAUsageError() {
            assertThat(NaviCli.run("validate", "--base-url", "http://127.0.0.1:9"))
                    .isEqualTo(2);
        }

        @Test
        void whenBothAreGivenThenItIsAUsageError() {
            assertThat(NaviCli.run("validate", "--workspace-root", dir.toString(), "--git-remote", "file:///x.git"))
                    .isEqualTo(2);
        }

        @Test
        void whenAScenarioIsNotInTheSuiteThenItIsAUsageErrorBeforeNaviIsAsked() {
            assertThat(NaviCli.run(
                            "validate",
                            "--base-url",
                            "http://127.0.0.1:9",
                            "--workspace-root",
                            dir.toString(),
                            "--suite",
                            "smoke",
                            "--scenario",
                            "refactor"))
                    .isEqualTo(2);
        }

        @Test
        void whenTheWorkspaceRootIsNoDirectoryThenItIsAUsageError() {
            assertThat(NaviCli.run(
                            "validate",
                            "--base-url",
                            "http://127.0.0.1:9",
                            "--workspace-root",
                            dir.resolve("missing").toString()))
                    .isEqualTo(2);
        }

        @Test
        void whenNaviCannotBeReachedThenItExitsFour() {
            assertThat(NaviCli.run("validate", "--base-url", "http://127.0.0.1:9", "--workspace-root", dir.toString()))
                    .isEqualTo(4);
        }
    }

    @Nested
    class Durations {

        private final DurationConverter converter = new DurationConverter();

        @Test
        void whenADurationHasAUnitOrNoneThenItIsReadAsTheConfigurationWritesIt() {
            assertThat(converter.convert("300ms")).isEqualTo(Duration.ofMillis(300));
            assertThat(converter.convert("10s")).isEqualTo(Duration.ofSeconds(10));
            assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
            assertThat(converter.convert("7")).isEqualTo(Duration.ofSeconds(7));
        }

        @Test
        void whenADurationIsMalformedThenPicocliIsTold() {
            assertThatThrownBy(() -> converter.convert("ten seconds"))
                    .isInstanceOf(CommandLine.TypeConversionException.class);
        }

        @Test
        void whenTheHeartbeatIntervalIsSetThenTheSlowStepOutlastsThreeIntervals() {
            assertThat(thresholds(Duration.ofMillis(300)).slowStep()).isEqualTo(Duration.ofSeconds(2));
            assertThat(thresholds(Duration.ofSeconds(1)).slowStep()).isEqualTo(Duration.ofSeconds(4));
            assertThat(thresholds(Duration.ofSeconds(10)).slowStep()).isEqualTo(Duration.ofSeconds(31));
        }

        private Thresholds thresholds(Duration heartbeat) {
            return new Thresholds(
                    heartbeat,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(10),
                    1.0);
        }
    }
}
