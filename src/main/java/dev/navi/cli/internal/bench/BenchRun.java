package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** One benchmark run against a target: warm-up, then each measure in turn, within the deadline. */
final class BenchRun {

    private final Target target;
    private final Settings settings;
    private final Progress progress;
    private final List<String> notes = new ArrayList<>();

    BenchRun(Target target, Settings settings, Progress progress) {
        this.target = target;
        this.settings = settings;
        this.progress = progress;
    }

    BenchResult run() throws IOException, InterruptedException {
        var startedAt = Instant.now();
        var begin = System.nanoTime();
        var deadline = Deadline.after(settings.maxDuration());
        var workload = new Workload(target);
        workload.prepare(settings.steps());
        var tasks = new TaskPhases(workload, target, settings, deadline, progress);
        var warmup = tasks.warmUp();

        var overhead = new ArrayList<BenchResult.Overhead>();
        for (var level : new LinkedHashSet<>(List.of(1, settings.maxConcurrency()))) {
            if (skipped(deadline, "platform time per step at concurrency " + level)) {
                break;
            }
            overhead.add(tasks.overhead(level));
        }
        var startup = tasks.startup();
        var throughput = new ArrayList<BenchResult.Throughput>();
        for (var level : settings.concurrency()) {
            if (skipped(deadline, "tasks per second at concurrency " + level)) {
                break;
            }
            throughput.add(tasks.throughput(level));
        }
        BenchResult.DirectCall direct = null;
        if (!skipped(deadline, "direct vs through NAVI")) {
            progress.say("the same call direct and through NAVI");
            try {
                direct = new DirectCallPhase(workload, target).run(Math.max(settings.tasks(), 20));
            } catch (IOException | RuntimeException e) {
                notes.add("The direct call was not measured: " + e.getMessage());
            }
        }
        var peer = peer(overhead, deadline);
        var streams = streams(workload, deadline);
        var commits = commits(workload, deadline);
        if (target.process().isEmpty()) {
            notes.add(
                    "NAVI is not a child of the bench: CPU per step is not measured, heap is read without a forced GC.");
        }
        return new BenchResult(
                startedAt.toString(),
                (System.nanoTime() - begin) / 1e9,
                machine(),
                settings,
                warmup,
                target.description(),
                overhead,
                startup,
                throughput,
                direct,
                streams.held(),
                streams.ramp(),
                peer,
                commits,
                List.copyOf(notes));
    }

    private BenchResult.Peer peer(List<BenchResult.Overhead> overhead, Deadline deadline) throws InterruptedException {
        if (settings.peerGateway() == null) {
            return BenchResult.Peer.notMeasured(
                    "no --peer-gateway given (scripts/bench-peer.sh starts Portkey's gateway and gives it)");
        }
        if (skipped(deadline, "the call through the peer gateway")) {
            return BenchResult.Peer.notMeasured("the run reached --max-duration");
        }
        progress.say("the same call direct and through the gateway at %s", settings.peerGateway());
        var oneTask = overhead.stream()
                .filter(level -> level.concurrency() == 1 && level.all().count() > 0)
                .findFirst();
        var naviPerStep = oneTask.map(level -> level.all().p50()).orElse(null);
        var naviEndToEnd = oneTask.filter(level -> level.endToEnd().directCall().count() > 0)
                .map(level -> level.endToEnd().p50())
                .orElse(null);
        try {
            return new PeerPhase(settings.peerGateway(), target.simUrl())
                    .run(Math.max(settings.tasks(), 20), naviPerStep, naviEndToEnd);
        } catch (IOException e) {
            return BenchResult.Peer.notMeasured("the gateway could not be used: " + e.getMessage());
        }
    }

    private BenchResult.Commits commits(Workload workload, Deadline deadline) {
        if (settings.commits() == 0) {
            return BenchResult.Commits.notMeasured("--commits 0");
        }
        if (target.embeddedDataDirectory().isEmpty()) {
            return BenchResult.Commits.notMeasured(
                    "the embedded database's data directory is not known (give --embedded-data-directory with --base-url)");
        }
        if (skipped(deadline, "the commit cost of durability")) {
            return BenchResult.Commits.notMeasured("the run reached --max-duration");
        }
        var phase = new CommitPhase(target.embeddedDataDirectory().get());
        var unavailable = phase.unavailable();
        if (!unavailable.isEmpty()) {
            return BenchResult.Commits.notMeasured(unavailable);
        }
        progress.say("%d event transactions each with synchronous_commit on and off", settings.commits());
        try {
            return phase.run(settings.commits(), workload, settings.steps(), settings.quick() ? 3 : 10);
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            return BenchResult.Commits.notMeasured("the embedded database could not be used: " + e.getMessage());
        }
    }

    private record Streams(List<BenchResult.Streams> held, BenchResult.Ramp ramp) {}

    private Streams streams(Workload workload, Deadline deadline) throws InterruptedException {
        var results = new ArrayList<BenchResult.Streams>();
        if (!"http".equals(target.navi().baseUrl().getScheme())) {
            notes.add("Idle streams are measured over plain http only: skipped.");
            return new Streams(results, null);
        }
        if (skipped(deadline, "idle streams")) {
            return new Streams(results, null);
        }
        var phase = new StreamsPhase(workload, target, settings, progress);
        String task;
        try {
            task = phase.waitingTask();
        } catch (RuntimeException e) {
            notes.add("Idle streams were not measured: no task to hold them on (" + e.getMessage() + ").");
            return new Streams(results, null);
        }
        BenchResult.Ramp ramp = null;
        try {
            for (var count : settings.streams()) {
                if (skipped(deadline, count + " idle streams")) {
                    break;
                }
                results.add(phase.hold(task, count));
            }
            if (settings.streamRamp() > 0 && !skipped(deadline, "the stream opening ramp")) {
                ramp = phase.ramp(task, settings.streamRamp(), settings.streamRampRate());
            }
        } finally {
            workload.cancel(task);
        }
        return new Streams(results, ramp);
    }

    private boolean skipped(Deadline deadline, String what) {
        if (deadline.passed()) {
            notes.add("Skipped (the run reached --max-duration "
                    + settings.maxDuration().toSeconds() + " s): " + what + ".");
            return true;
        }
        return false;
    }

    static BenchResult.Machine machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        var memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        return new BenchResult.Machine(
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                os.getSystemLoadAverage());
    }
}
