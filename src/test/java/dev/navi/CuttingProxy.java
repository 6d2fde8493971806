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
 * A loopback TCP proxy to {@code 127.0.0.1:target} that drops its first {@code cuts} connections once
 * {@code events} events with an {@code id:} have gone through in the answer (an event stream's), just
 * before the next one begins, as a flaky network between a client and NAVI would. Counted by event, not
 * by byte: the size of the headers and of the first events does not decide where the cut falls.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final int cuts;
    private final int events;
    private final AtomicInteger connections = new AtomicInteger();

    CuttingProxy(int target, int cuts, int events) {
        this.target = target;
        this.cuts = cuts;
        this.events = events;
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
                var limit = connections.incrementAndGet() <= cuts ? events : Integer.MAX_VALUE;
                Thread.ofVirtual().start(() -> pipe(client, upstream, Integer.MAX_VALUE));
                Thread.ofVirtual().start(() -> pipe(upstream, client, limit));
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Copies {@code from} to {@code to} until either ends or the start of the event after {@code limit}
     * events with an id, then closes both. An event begins with its {@code id:} line; a chunk-size line
     * before it also ends in a line feed, so {@code "\nid:"} finds it in a chunked answer too.
     */
    private static void pipe(Socket from, Socket to, int limit) {
        try (from;
                to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            var buffer = new byte[1024];
            var starts = new EventStarts();
            int read;
            while ((read = in.read(buffer)) > 0) {
                int end = starts.cutAt(buffer, read, limit);
                out.write(buffer, 0, end);
                out.flush();
                if (end < read) {
                    return;
                }
            }
        } catch (IOException e) {
            // the other direction closed the sockets
        }
    }

    /** Finds where events with an id begin in a stream read in pieces. */
    private static final class EventStarts {

        private static final byte[] START = "\nid:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        private int matched;
        private int seen;

        /** The length of {@code buffer} to pass on: all of it, or up to the start of event {@code limit + 1}. */
        int cutAt(byte[] buffer, int length, int limit) {
            for (int i = 0; i < length; i++) {
                matched = buffer[i] == START[matched] ? matched + 1 : (buffer[i] == START[0] ? 1 : 0);
                if (matched == START.length) {
                    matched = 0;
                    seen++;
                    if (seen > limit) {
                        // the event's "id:" began START.length - 2 bytes before i (after the line feed)
                        return Math.max(0, i - (START.length - 2));
                    }
                }
            }
            return length;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
