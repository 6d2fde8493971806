package dev.navi.cli.internal.bench;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** A made-up result with every section filled, for the report tests. */
final class BenchResults {

    private BenchResults() {}

    static BenchResult sample(double stepP50, double tasksPerSecond) {
        var settings = new Settings(
                true,
                2,
                30,
                Duration.ofMinutes(3),
                10,
                5,
                List.of(1, 5),
                List.of(200),
                Duration.ofSeconds(1),
                Duration.ofMillis(2500),
                Duration.ofSeconds(60),
                1.25,
                100,
                200,
                100,
                URI.create("http://127.0.0.1:18787"));
        var steps = new Summary(100, stepP50, stepP50 * 2, stepP50 * 3, 0.5, stepP50 * 4, stepP50);
        var latency = new Summary(20, 40, 80, 120, 30, 130, 50);
        return new BenchResult(
                "2026-01-01T00:00:00Z",
                61.5,
                new BenchResult.Machine(2, 8L << 30, "OpenJDK 25", "Linux amd64", 1.5),
                settings,
                new BenchResult.Warmup(50, 12.5, 4, 0.031, true),
                "self-started",
                List.of(new BenchResult.Overhead(
                        1,
                        20,
                        5,
                        0,
                        steps,
                        new Spread(stepP50, stepP50 - 1, stepP50 + 1),
                        new Spread(7, 6, 8),
                        new Spread(9, 8, 10),
                        steps,
                        new BenchResult.CpuPerStep(2.5, 1.5, 0.75),
                        BenchResult.EndToEnd.of(
                                new Summary(100, stepP50 + 2, stepP50 + 3, stepP50 + 6, 2, stepP50 + 8, stepP50 + 2),
                                new Spread(stepP50 + 2, stepP50 + 1.5, stepP50 + 2.5),
                                new Summary(60, 1.5, 2, 2.5, 1, 3, 1.6)))),
                new BenchResult.Startup(
                        20,
                        latency,
                        new Spread(40, 35, 45),
                        latency,
                        new Spread(40, 35, 45),
                        new Spread(120, 110, 130)),
                List.of(
                        new BenchResult.Throughput(
                                1,
                                20,
                                0,
                                new Spread(tasksPerSecond, 90, 110),
                                latency,
                                new Spread(40, 39, 41),
                                new Spread(120, 100, 130)),
                        new BenchResult.Throughput(
                                5,
                                20,
                                0,
                                new Spread(tasksPerSecond * 2, 190, 210),
                                new Summary(20, 60, 150, 250, 40, 260, 80),
                                new Spread(60, 55, 65),
                                new Spread(250, 240, 260))),
                new BenchResult.DirectCall(
                        20, new Summary(20, 1, 2, 3, 0.5, 3, 1.2), new Summary(20, 2, 3, 4, 1, 4, 2.2), 1, 1),
                List.of(new BenchResult.Streams(
                        200, 199, 1, latency, 150.0, 40e6, 60e6, 98.1, 44.0, 45.0, 0.005, 199.0, 600, latency, 12.5)),
                new BenchResult.Ramp(100, 200, 198.5, 99, 1, 1, new Summary(99, 3.5, 9, 12, 1, 14, 4)),
                new BenchResult.Peer(
                        "http://127.0.0.1:18787",
                        null,
                        20,
                        new Summary(20, 1, 2, 3, 0.5, 3, 1.2),
                        new Summary(20, 3, 5, 6, 2, 7, 3.4),
                        2.0,
                        3.0,
                        stepP50,
                        stepP50 / 2,
                        stepP50 + 0.5,
                        (stepP50 + 0.5) / 2),
                new BenchResult.Commits(
                        null,
                        "on",
                        100,
                        new Summary(100, 0.6, 0.9, 1.2, 0.4, 1.5, 0.65),
                        new Summary(100, 0.4, 0.6, 0.8, 0.3, 1.0, 0.45),
                        0.2,
                        0.2,
                        5.5,
                        1.1),
                List.of("A note."));
    }
}
