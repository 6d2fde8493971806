package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Idle streams: K streams opened on one task that waits for an approval (no worker holds it, nothing
 * happens on it but heartbeats), NAVI's heap and live platform threads read from its {@code /metrics}
 * before they open and while they are held (after a full GC, {@code jcmd GC.run}, when NAVI is the
 * bench's child), and each heartbeat's lateness past the interval.
 */
final class StreamsPhase {

    /** Streams connecting at the same time: they open as a ramp as fast as NAVI answers. */
    static final int OPENING_AT_ONCE = 100;

    private final Workload workload;
    private final Target target;
    private final Settings settings;
    private final Progress progress;
    private final MetricsReader metrics;

    StreamsPhase(Workload workload, Target target, Settings settings, Progress progress) {
        this.workload = workload;
        this.target = target;
        this.settings = settings;
        this.progress = progress;
        this.metrics = new MetricsReader(target);
    }

    /** A task waiting for an approval, to hold streams on (cancelled by the caller). */
    String waitingTask() throws InterruptedException {
        var id = workload.submit(Workload.WAIT, 3, "writes");
        var end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"waiting_approval".equals(workload.status(id))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("task " + id + " never waited for its approval");
            }
            Thread.sleep(100);
        }
        return id;
    }

    BenchResult.Streams hold(String taskId, int count) throws InterruptedException {
        progress.say("%d idle streams, held %.1f s", count, settings.hold().toMillis() / 1000.0);
        fullGc();
        var before = scrape();
        var settled = new CountDownLatch(count);
        var opening = new Semaphore(OPENING_AT_ONCE);
        var streams = new ArrayList<IdleStream>(count);
        var begin = System.nanoTime();
        for (var i = 0; i < count; i++) {
            streams.add(IdleStream.open(
                    target.navi().baseUrl(), "/api/v1/tasks/" + taskId + "/events", target.token(), settled, opening));
        }
        settled.await(30 + count / 200, TimeUnit.SECONDS);
        Thread.sleep(settings.hold());
        fullGc();
        var after = scrape();
        streams.forEach(IdleStream::close);
        var answered = streams.stream().filter(IdleStream::answered).toList();
        var lags = new ArrayList<Double>();
        var heartbeats = 0;
        for (var stream : answered) {
            lags.addAll(stream.heartbeatLagMs(settings.heartbeatInterval().toNanos()));
            heartbeats += stream.heartbeats();
        }
        awaitStreamsClosed(before.streamsOpen());
        return new BenchResult.Streams(
                count,
                answered.size(),
                count - answered.size(),
                Summary.of(answered.stream().map(IdleStream::openMs).toList()),
                openedPerSecond(answered, begin),
                before.heap(),
                after.heap(),
                perStream(before.heap(), after.heap(), answered.size(), 1024),
                before.threads(),
                after.threads(),
                perStream(before.threads(), after.threads(), answered.size(), 1),
                after.streamsOpen(),
                heartbeats,
                Summary.of(lags),
                after.answerMs());
    }

    /**
     * {@code count} streams started at {@code rate} per second, however fast NAVI answers them, each timed
     * from its connect to its first byte; closed once all answered or their ceiling passed.
     */
    BenchResult.Ramp ramp(String taskId, int count, int rate) throws InterruptedException {
        progress.say("%d streams opened at %d per second", count, rate);
        var before = scrape();
        var settled = new CountDownLatch(count);
        var unlimited = new Semaphore(count);
        var streams = new ArrayList<IdleStream>(count);
        var begin = System.nanoTime();
        for (var i = 0; i < count; i++) {
            var due = begin + (long) (i * 1e9 / rate);
            for (var wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            streams.add(IdleStream.open(
                    target.navi().baseUrl(),
                    "/api/v1/tasks/" + taskId + "/events",
                    target.token(),
                    settled,
                    unlimited));
        }
        var issuedSeconds = (System.nanoTime() - begin) / 1e9;
        settled.await(30 + count / 200, TimeUnit.SECONDS);
        streams.forEach(IdleStream::close);
        var answered = streams.stream().filter(IdleStream::answered).toList();
        awaitStreamsClosed(before.streamsOpen());
        return new BenchResult.Ramp(
                count,
                rate,
                count < 2 ? rate : (count - 1) / issuedSeconds,
                answered.size(),
                count - answered.size(),
                (int) streams.stream().filter(stream -> !stream.connected()).count(),
                Summary.of(answered.stream().map(IdleStream::openMs).toList()));
    }

    /** Streams answered per second, until the last of them answered. */
    private static double openedPerSecond(List<IdleStream> answered, long begin) {
        var last = answered.stream().mapToLong(IdleStream::answeredAt).max().orElse(begin);
        return last == begin ? 0 : answered.size() / ((last - begin) / 1e9);
    }

    private static Double perStream(Double before, Double after, int streams, double unit) {
        return before == null || after == null || streams == 0 ? null : (after - before) / streams / unit;
    }

    /** Closed streams are noticed at their next write: wait up to a few heartbeats for the count to drop. */
    private void awaitStreamsClosed(Double baseline) throws InterruptedException {
        var end =
                System.nanoTime() + settings.heartbeatInterval().multipliedBy(4).toNanos();
        while (System.nanoTime() < end) {
            var open = scrape().streamsOpen();
            if (open == null || baseline == null || open <= baseline) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private record Scrape(Double heap, Double threads, Double streamsOpen, Double answerMs) {}

    private Scrape scrape() {
        return metrics.read()
                .map(exposition -> new Scrape(
                        finite(Prometheus.heapUsedBytes(exposition.body())),
                        finite(Prometheus.liveThreads(exposition.body())),
                        finite(Prometheus.streamsOpen(exposition.body())),
                        exposition.answerMs()))
                .orElse(new Scrape(null, null, null, null));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** A full collection in the child NAVI, so heap before and after count live objects only. */
    private void fullGc() throws InterruptedException {
        if (target.process().isEmpty()) {
            return;
        }
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            var process = new ProcessBuilder(List.of(
                            jcmd.toString(),
                            Long.toString(target.process().get().pid()),
                            "GC.run"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException noJcmd) {
            // heap is then read as it is
        }
    }
}
