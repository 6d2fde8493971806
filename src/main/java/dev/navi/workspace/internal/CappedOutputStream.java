package dev.navi.workspace.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the first bytes written up to a limit and counts the rest. */
final class CappedOutputStream extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long limit;
    private long total;

    CappedOutputStream(long limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) {
        if (total < limit) {
            kept.write(b);
        }
        total++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int room = (int) Math.max(0, Math.min(length, limit - total));
        kept.write(bytes, offset, room);
        total += length;
    }

    /** The kept text, with a note when something was cut. */
    String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        return total <= limit
                ? text
                : text + "\n[diff truncated: showing the first " + kept.size() + " of " + total + " bytes]\n";
    }
}
