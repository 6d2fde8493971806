package dev.navi.cli.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Closes a stream that has delivered nothing for {@code idleTimeout}, so a reader blocked on a
 * half-open connection (no heartbeat, no FIN) gets an {@link IOException} and can resume elsewhere.
 */
final class IdleWatchdog extends FilterInputStream {

    private final long idleNanos;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean closed;
    private volatile boolean timedOut;

    IdleWatchdog(InputStream in, Duration idleTimeout) {
        super(in);
        this.idleNanos = idleTimeout.toNanos();
        Thread.ofVirtual().name("sse-idle-watchdog").start(this::watch);
    }

    @Override
    public int read() throws IOException {
        return touched(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return touched(super.read(buffer, offset, length));
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }

    private int touched(int result) throws IOException {
        if (timedOut) {
            throw new IOException("no data for " + Duration.ofNanos(idleNanos).toSeconds() + " s");
        }
        lastActivity = System.nanoTime();
        return result;
    }

    private void watch() {
        while (!closed) {
            var idle = System.nanoTime() - lastActivity;
            if (idle >= idleNanos) {
                timedOut = true;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the reader sees the failure
                }
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(idleNanos - idle));
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
