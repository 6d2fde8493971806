package dev.navi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy to {@code 127.0.0.1:target} that drops its first {@code cuts} connections after
 * {@code bytes} bytes of the answer, as a flaky network between a client and NAVI would.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final int cuts;
    private final long bytes;
    private final AtomicInteger connections = new AtomicInteger();

    CuttingProxy(int target, int cuts, long bytes) {
        this.target = target;
        this.cuts = cuts;
        this.bytes = bytes;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                var upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                var limit = connections.incrementAndGet() <= cuts ? bytes : Long.MAX_VALUE;
                Thread.ofVirtual().start(() -> pipe(client, upstream, Long.MAX_VALUE));
                Thread.ofVirtual().start(() -> pipe(upstream, client, limit));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies {@code from} to {@code to} until either ends or {@code limit} bytes went through, then closes both. */
    private static void pipe(Socket from, Socket to, long limit) {
        try (from;
                to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            var buffer = new byte[1024];
            long sent = 0;
            int read;
            while (sent < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - sent))) > 0) {
                out.write(buffer, 0, read);
                out.flush();
                sent += read;
            }
        } catch (IOException e) {
            // the other direction closed the sockets
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
