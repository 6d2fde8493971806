package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.NaviCli;
import dev.navi.cli.internal.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void whenQuickThenTheSettingsAreTheShortOnes() {
        var settings = parse("--quick").settings(true);

        assertThat(settings.quick()).isTrue();
        assertThat(settings.concurrency()).containsExactly(1, 5);
        assertThat(settings.streams()).containsExactly(200);
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.hold()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.settle()).isZero();
    }

    @Test
    void whenNotQuickThenTheIssuesLevelsAreTheDefaults() {
        var settings = parse().settings(false);

        assertThat(settings.concurrency()).containsExactly(1, 10, 50);
        assertThat(settings.streams()).containsExactly(1000, 5000, 10000);
        assertThat(settings.rounds()).isEqualTo(3);
        assertThat(settings.warmup()).isEqualTo(1500);
        assertThat(settings.settle()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.tasksAt(50)).isEqualTo(100);
    }

    @Test
    void whenOptionsAreGivenThenTheyWinOverQuick() {
        var settings = parse(
                        "--quick",
                        "--rounds",
                        "4",
                        "--concurrency",
                        "2,3",
                        "--streams",
                        "10",
                        "--heartbeat-interval",
                        "300ms")
                .settings(false);

        assertThat(settings.rounds()).isEqualTo(4);
        assertThat(settings.concurrency()).containsExactly(2, 3);
        assertThat(settings.streams()).containsExactly(10);
        assertThat(settings.hold()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void whenQuickThenTheRampAndTheCommitsAreSmallAndThereIsNoPeer() {
        var settings = parse("--quick").settings(true);

        assertThat(settings.streamRamp()).isEqualTo(100);
        assertThat(settings.streamRampRate()).isEqualTo(200);
        assertThat(settings.commits()).isEqualTo(100);
        assertThat(settings.peerGateway()).isNull();
    }

    @Test
    void whenNotQuickThenTheRampIsTheIssuesRate() {
        var settings = parse().settings(false);

        assertThat(settings.streamRamp()).isEqualTo(5000);
        assertThat(settings.streamRampRate()).isEqualTo(2000);
        assertThat(settings.commits()).isEqualTo(2000);
    }

    @Test
    void whenThePeerRampAndCommitsAreGivenThenTheyAreUsed() {
        var settings = parse(
                        "--quick",
                        "--peer-gateway",
                        "http://127.0.0.1:18787",
                        "--stream-ramp",
                        "0",
                        "--stream-ramp-rate",
                        "50",
                        "--commits",
                        "0")
                .settings(true);

        assertThat(settings.peerGateway()).hasToString("http://127.0.0.1:18787");
        assertThat(settings.streamRamp()).isZero();
        assertThat(settings.streamRampRate()).isEqualTo(50);
        assertThat(settings.commits()).isZero();
    }

    @Test
    void whenThePeerGatewayIsNotAnHttpUrlThenItIsAUsageError() {
        assertThat(NaviCli.run("bench", "--peer-gateway", "localhost:8787", "--report", "target/none"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void whenTheRampRateIsZeroThenItIsAUsageError() {
        assertThat(NaviCli.run("bench", "--stream-ramp-rate", "0", "--report", "target/none"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void whenABaseUrlComesWithoutItsLlmSimThenItIsAUsageError() {
        assertThat(NaviCli.run("bench", "--base-url", "http://127.0.0.1:1", "--report", "target/none"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void whenRoundsAreZeroThenItIsAUsageError() {
        assertThat(NaviCli.run("bench", "--base-url", "http://127.0.0.1:1", "--rounds", "0"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void whenTheClassesAreNotInAJarThenSelfStartingSaysSo() {
        assertThat(SelfStarted.jarPath("file:/work/target/classes/")).isEmpty();
        assertThat(SelfStarted.jarPath("jar:nested:/opt/navi/navi.jar/!BOOT-INF/classes/!/"))
                .contains(Path.of("/opt/navi/navi.jar"));
        assertThat(SelfStarted.jarPath("file:/opt/navi/navi.jar")).contains(Path.of("/opt/navi/navi.jar"));
    }

    @Test
    void whenTheCommandLineIsAskedThenBenchIsOneOfItsCommands() {
        assertThat(NaviCli.handles("bench")).isTrue();
        assertThat(List.copyOf(NaviCli.commands())).contains("bench");
    }

    private static BenchCommand parse(String... args) {
        var command = new BenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
