package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * One idle event stream on a plain socket (thousands of them are cheaper than HTTP client exchanges):
 * it sends the GET, notes when the first bytes of the answer arrive and when each heartbeat does,
 * on its own virtual thread, until it is closed.
 */
final class IdleStream implements AutoCloseable {

    private static final String HEARTBEAT = "heartbeat";
    static final int CONNECT_TIMEOUT_MS = 10_000;

    private final Socket socket = new Socket();
    private final List<Long> heartbeats = new ArrayList<>();
    private final CountDownLatch settled;
    private final Semaphore opening;
    private volatile long openedAt;
    private volatile long answeredAt;
    private volatile boolean ok;
    private volatile boolean connected;

    private IdleStream(CountDownLatch settled, Semaphore opening) {
        this.settled = settled;
        this.opening = opening;
    }

    /**
     * Starts connecting once {@code opening} has a permit (so streams open as a ramp, not all at once),
     * holding it until the stream answered or failed; {@code settled} then counts down.
     */
    static IdleStream open(URI baseUrl, String path, String token, CountDownLatch settled, Semaphore opening) {
        var stream = new IdleStream(settled, opening);
        Thread.ofVirtual().name("bench-idle-stream").start(() -> stream.read(baseUrl, path, token));
        return stream;
    }

    private void read(URI baseUrl, String path, String token) {
        var settledOnce = false;
        try {
            opening.acquire();
        } catch (InterruptedException e) {
            settled.countDown();
            return;
        }
        openedAt = System.nanoTime();
        try {
            var port = baseUrl.getPort() < 0 ? 80 : baseUrl.getPort();
            socket.connect(new InetSocketAddress(baseUrl.getHost(), port), CONNECT_TIMEOUT_MS);
            connected = true;
            var request = "GET " + path + " HTTP/1.1\r\nHost: " + baseUrl.getHost() + ":" + port
                    + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            var buffer = new byte[2048];
            var tail = "";
            int read;
            while ((read = in.read(buffer)) > 0) {
                var text = tail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                if (!settledOnce) {
                    ok = text.startsWith("HTTP/1.1 200");
                    answeredAt = System.nanoTime();
                    settledOnce = true;
                    opening.release();
                    settled.countDown();
                }
                countHeartbeats(text, tail.length());
                tail = text.substring(Math.max(0, text.length() - HEARTBEAT.length()));
            }
        } catch (IOException closed) {
            // closed by the bench, or refused
        } finally {
            if (!settledOnce) {
                opening.release();
                settled.countDown();
            }
        }
    }

    private void countHeartbeats(String text, int alreadySeen) {
        var from = 0;
        int at;
        while ((at = text.indexOf(HEARTBEAT, from)) >= 0) {
            if (at + HEARTBEAT.length() > alreadySeen) {
                synchronized (heartbeats) {
                    heartbeats.add(System.nanoTime());
                }
            }
            from = at + HEARTBEAT.length();
        }
    }

    boolean answered() {
        return ok;
    }

    /** Whether its TCP connection was made (refused, or not accepted within the connect timeout, otherwise). */
    boolean connected() {
        return connected;
    }

    long answeredAt() {
        return answeredAt;
    }

    double openMs() {
        return (answeredAt - openedAt) / 1e6;
    }

    int heartbeats() {
        synchronized (heartbeats) {
            return heartbeats.size();
        }
    }

    /** Each heartbeat's lateness: its gap after the previous write (the answer or a heartbeat) minus the interval. */
    List<Double> heartbeatLagMs(long intervalNanos) {
        var lags = new ArrayList<Double>();
        synchronized (heartbeats) {
            var previous = answeredAt;
            for (var at : heartbeats) {
                lags.add((at - previous - intervalNanos) / 1e6);
                previous = at;
            }
        }
        return lags;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
