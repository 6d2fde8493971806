package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The measures made of whole tasks: platform time per step, startup, and tasks per second. */
final class TaskPhases {

    /** Direct calls each client makes before each step task, the end-to-end measure's baseline. */
    static final int DIRECT_CALLS_PER_TASK = 3;

    private final Workload workload;
    private final Target target;
    private final Settings settings;
    private final Deadline deadline;
    private final Progress progress;
    private final SimCall simCall;
    private final CompilationTime compilation;
    private final List<TaskTimes> startupSamples = new ArrayList<>();
    private final List<Summary> startupToStarted = new ArrayList<>();
    private final List<Summary> startupToRequest = new ArrayList<>();

    TaskPhases(Workload workload, Target target, Settings settings, Deadline deadline, Progress progress) {
        this.workload = workload;
        this.target = target;
        this.settings = settings;
        this.deadline = deadline;
        this.progress = progress;
        this.simCall = new SimCall(target.simUrl());
        this.compilation = new CompilationTime(new MetricsReader(target));
    }

    BenchResult.Warmup warmUp() {
        return new WarmUp(workload, settings, progress, compilation, this::stepTask).run();
    }

    private Workload.TaskRun stepTask() {
        return workload.run(Workload.steps(settings.steps()), settings.steps() + 2);
    }

    /** A step task after {@link #DIRECT_CALLS_PER_TASK} direct calls for its script's reply, by the same client. */
    private Workload.TaskRun stepTaskAfterDirectCalls(List<Double> directCalls) {
        for (var i = 0; i < DIRECT_CALLS_PER_TASK; i++) {
            try {
                directCalls.add(simCall.streamed(Workload.steps(settings.steps())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return stepTask();
    }

    BenchResult.Overhead overhead(int concurrency) {
        var tasks = settings.tasksAt(concurrency);
        var rounds = new ArrayList<Summary>();
        var all = new ArrayList<Double>();
        var means = new ArrayList<Double>();
        var withCall = new ArrayList<Double>();
        var withCallRounds = new ArrayList<Summary>();
        var directCalls = Collections.synchronizedList(new ArrayList<Double>());
        var failed = 0;
        var steps = 0;
        var before = target.cpu();
        for (var round = 0; round < settings.rounds() && (round == 0 || !deadline.passed()); round++) {
            progress.say("platform time per step, concurrency %d, round %d", concurrency, round + 1);
            var batch = Workload.concurrently(concurrency, tasks, () -> stepTaskAfterDirectCalls(directCalls));
            var samples = new ArrayList<Double>();
            var roundWithCall = new ArrayList<Double>();
            for (var times : batch.times()) {
                if (!times.succeeded()) {
                    failed++;
                    continue;
                }
                samples.addAll(times.stepPlatformMs());
                roundWithCall.addAll(times.stepWithCallMs());
                means.add(times.stepPlatformMs().stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(0));
                steps += times.steps();
                if (concurrency == 1) {
                    startupSamples.add(times);
                }
            }
            rounds.add(Summary.of(samples));
            all.addAll(samples);
            withCallRounds.add(Summary.of(roundWithCall));
            withCall.addAll(roundWithCall);
            if (concurrency == 1) {
                startupToStarted.add(Summary.of(batch.times().stream()
                        .filter(TaskTimes::succeeded)
                        .map(TaskTimes::queuedToStartedMs)
                        .toList()));
                startupToRequest.add(Summary.of(batch.times().stream()
                        .filter(TaskTimes::succeeded)
                        .map(TaskTimes::queuedToFirstRequestMs)
                        .toList()));
            }
        }
        var pooled = Summary.of(all);
        var pooledWithCall = Summary.of(withCall);
        return new BenchResult.Overhead(
                concurrency,
                tasks * rounds.size(),
                settings.steps(),
                failed,
                pooled,
                Spread.of(pooled.p50(), rounds, Summary::p50),
                Spread.of(pooled.p95(), rounds, Summary::p95),
                Spread.of(pooled.p99(), rounds, Summary::p99),
                Summary.of(means),
                Cpu.perStep(before, target.cpu(), steps),
                BenchResult.EndToEnd.of(
                        pooledWithCall,
                        Spread.of(pooledWithCall.p50(), withCallRounds, Summary::p50),
                        Summary.of(directCalls)));
    }

    BenchResult.Startup startup() {
        var toStarted = Summary.of(
                startupSamples.stream().map(TaskTimes::queuedToStartedMs).toList());
        var toRequest = Summary.of(
                startupSamples.stream().map(TaskTimes::queuedToFirstRequestMs).toList());
        return new BenchResult.Startup(
                startupSamples.size(),
                toStarted,
                Spread.of(toStarted.p50(), startupToStarted, Summary::p50),
                toRequest,
                Spread.of(toRequest.p50(), startupToRequest, Summary::p50),
                Spread.of(toRequest.p99(), startupToRequest, Summary::p99));
    }

    BenchResult.Throughput throughput(int concurrency) {
        var tasks = settings.tasksAt(concurrency);
        var rates = new ArrayList<Double>();
        var rounds = new ArrayList<Summary>();
        var latency = new ArrayList<Double>();
        var failed = 0;
        for (var round = 0; round < settings.rounds() && (round == 0 || !deadline.passed()); round++) {
            progress.say("tasks per second, concurrency %d, round %d", concurrency, round + 1);
            var batch = Workload.concurrently(concurrency, tasks, () -> workload.run(Workload.ONE_TURN, 2));
            var samples = new ArrayList<Double>();
            for (var run : batch.runs()) {
                var times = run.times();
                if (!times.succeeded()) {
                    failed++;
                    continue;
                }
                samples.add(run.clientMs());
            }
            rates.add(samples.size() / batch.seconds());
            rounds.add(Summary.of(samples));
            latency.addAll(samples);
        }
        var pooled = Summary.of(latency);
        return new BenchResult.Throughput(
                concurrency,
                tasks * rounds.size(),
                failed,
                Spread.ofValues(rates),
                pooled,
                Spread.of(pooled.p50(), rounds, Summary::p50),
                Spread.of(pooled.p99(), rounds, Summary::p99));
    }
}
