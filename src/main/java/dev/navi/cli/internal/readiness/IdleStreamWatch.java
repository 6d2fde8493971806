package dev.navi.cli.internal.readiness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a probe task's SSE stream until the task waits for its approval, then watches the idle stream
 * for twice the heartbeat interval plus the slack, timing the silences between frames.
 */
record IdleStreamWatch(HeartbeatJudge judge, Duration approvalTimeout) {

    /** Reads frames until the task waits for its approval, then watches the idle stream. */
    HeartbeatJudge.Observation watch(InputStream body) {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        var reader = Thread.ofVirtual().name("readiness-probe-stream").start(() -> read(body, frames));
        try {
            var idle = awaitIdle(frames);
            if (!idle.equals("idle")) {
                return new HeartbeatJudge.Observation(false, idle, 0, List.of(), Duration.ZERO);
            }
            var window = judge.interval().multipliedBy(2).plus(judge.slack());
            var start = System.nanoTime();
            var last = start;
            var deadline = start + window.toNanos();
            var heartbeats = 0;
            var silences = new ArrayList<Duration>();
            var end = "still waiting for its approval";
            while (System.nanoTime() < deadline) {
                var frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    break;
                }
                var now = System.nanoTime();
                silences.add(Duration.ofNanos(now - last));
                last = now;
                if (frame.equals("heartbeat")) {
                    heartbeats++;
                } else if (frame.startsWith("task.") && isTerminal(frame) || frame.equals("closed")) {
                    end = frame;
                    break;
                }
            }
            silences.add(Duration.ofNanos(Math.min(System.nanoTime(), deadline) - last));
            return new HeartbeatJudge.Observation(
                    true, end, heartbeats, silences, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HeartbeatJudge.Observation(false, "interrupted", 0, List.of(), Duration.ZERO);
        } finally {
            close(body);
            reader.interrupt();
        }
    }

    /** "idle" once approval.requested arrived; else how the task or stream ended first. */
    private String awaitIdle(BlockingQueue<String> frames) throws InterruptedException {
        var deadline = System.nanoTime() + approvalTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            var frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame == null) {
                break;
            }
            if (frame.equals("approval.requested")) {
                return "idle";
            }
            if (frame.equals("closed")) {
                return "the stream closed before approval.requested";
            }
            if (isTerminal(frame)) {
                return "the task ended with " + frame + " first";
            }
        }
        return "no approval.requested within " + HeartbeatJudge.millis(approvalTimeout);
    }

    private static boolean isTerminal(String type) {
        return switch (type) {
            case "task.succeeded", "task.failed", "task.cancelled" -> true;
            default -> false;
        };
    }

    /** Puts each frame's event type (heartbeat included) in the queue, then "closed". */
    private static void read(InputStream body, BlockingQueue<String> frames) {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String type = null;
            var hasData = false;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (type != null || hasData) {
                        frames.add(type == null ? "message" : type);
                    }
                    type = null;
                    hasData = false;
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    hasData = true;
                }
            }
        } catch (IOException e) {
            // closed by the watcher, or cut: "closed" either way
        }
        frames.add("closed");
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // nothing more to read
        }
    }
}
