package dev.navi.cli.internal.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The warm-up before anything is measured: a fixed count of tasks, then a wait for the JIT, which keeps
 * compiling NAVI's large hot path for a minute or more after the first thousands of tasks.
 */
final class WarmUp {

    /** The warm-up ends when the JIT's compilation time grows by less than this share of a window's time. */
    static final double SETTLED_SHARE = 0.10;

    /** The warm-up's wait for the JIT is measured over windows of batches at least this long. */
    static final Duration SETTLE_WINDOW = Duration.ofSeconds(10);

    /** One-turn and step tasks per client in each batch of the warm-up's wait for the JIT. */
    static final int SETTLE_BATCH_ONE_TURN = 20;

    static final int SETTLE_BATCH_STEPS = 2;

    private final Workload workload;
    private final Settings settings;
    private final Progress progress;
    private final CompilationTime compilation;
    private final Supplier<Workload.TaskRun> stepTask;

    WarmUp(
            Workload workload,
            Settings settings,
            Progress progress,
            CompilationTime compilation,
            Supplier<Workload.TaskRun> stepTask) {
        this.workload = workload;
        this.settings = settings;
        this.progress = progress;
        this.compilation = compilation;
        this.stepTask = stepTask;
    }

    /**
     * {@code --warmup} one-turn tasks and a twentieth as many step tasks, then windows of batches of both
     * until the JIT's compilation time grows by less than {@link #SETTLED_SHARE} of a window's wall time,
     * or {@code --settle} has passed.
     */
    BenchResult.Warmup run() {
        var begin = System.nanoTime();
        var level = Math.min(10, settings.maxConcurrency());
        progress.say("warm-up, %d one-turn tasks at concurrency %d", settings.warmup(), level);
        Workload.concurrently(level, settings.warmup(), () -> workload.run(Workload.ONE_TURN, 2));
        var stepTasks = Math.max(2, settings.warmup() / 20);
        Workload.concurrently(level, stepTasks, stepTask);
        var tasks = settings.warmup() + stepTasks;
        if (settings.settle().isZero()) {
            return BenchResult.Warmup.fixed(tasks, seconds(begin));
        }
        var ceiling = System.nanoTime() + settings.settle().toNanos();
        var windows = 0;
        Double share;
        do {
            var compiledBefore = compilation.totalMs();
            var windowBegin = System.nanoTime();
            tasks += settleWindow(level, windowBegin + SETTLE_WINDOW.toNanos());
            var compiledAfter = compilation.totalMs();
            windows++;
            share = compiledBefore == null || compiledAfter == null
                    ? null
                    : (compiledAfter - compiledBefore) / ((System.nanoTime() - windowBegin) / 1e6);
            progress.say(
                    "warm-up, until the JIT settles: window %d, compiling %s of its time",
                    windows, share == null ? "(unknown)" : Math.round(share * 100) + " %");
        } while (share != null && share >= SETTLED_SHARE && System.nanoTime() < ceiling);
        return new BenchResult.Warmup(tasks, seconds(begin), windows, share, share != null && share < SETTLED_SHARE);
    }

    /** Batches of one-turn and step tasks until {@code end}; the tasks they ran. */
    private int settleWindow(int level, long end) {
        var tasks = 0;
        while (System.nanoTime() < end) {
            Workload.concurrently(level, level * SETTLE_BATCH_ONE_TURN, () -> workload.run(Workload.ONE_TURN, 2));
            Workload.concurrently(level, level * SETTLE_BATCH_STEPS, stepTask);
            tasks += level * (SETTLE_BATCH_ONE_TURN + SETTLE_BATCH_STEPS);
        }
        return tasks;
    }

    private static double seconds(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }
}
