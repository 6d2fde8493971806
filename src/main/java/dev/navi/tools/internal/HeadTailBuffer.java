package dev.navi.tools.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first and the last bytes of a stream of unknown length, counting what it drops. */
final class HeadTailBuffer {

    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private long tailWritten;
    private long total;

    HeadTailBuffer(int capacity) {
        this.head = new byte[capacity / 2];
        this.tail = new byte[capacity - capacity / 2];
    }

    /** Reads {@code in} to its end. */
    void readFrom(InputStream in) throws IOException {
        byte[] chunk = new byte[8192];
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            write(chunk, read);
        }
    }

    synchronized void write(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (headLength < head.length) {
                head[headLength++] = bytes[i];
            } else if (tail.length > 0) {
                tail[(int) (tailWritten++ % tail.length)] = bytes[i];
            }
        }
        total += length;
    }

    synchronized long total() {
        return total;
    }

    /** The kept text; when bytes were dropped, a note in the middle says how many. */
    synchronized String text() {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        kept.write(head, 0, headLength);
        int tailLength = (int) Math.min(tailWritten, tail.length);
        long dropped = total - headLength - tailLength;
        if (dropped > 0) {
            kept.writeBytes(("\n[... " + dropped + " bytes of output cut ...]\n").getBytes(StandardCharsets.UTF_8));
        }
        int tailStart = tailWritten <= tail.length ? 0 : (int) (tailWritten % tail.length);
        kept.write(tail, tailStart, tailLength - tailStart);
        kept.write(tail, 0, tailStart);
        return kept.toString(StandardCharsets.UTF_8);
    }
}
