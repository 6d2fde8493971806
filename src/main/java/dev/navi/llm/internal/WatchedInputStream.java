package dev.navi.llm.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports every chunk read from a response body to the call's watch. */
final class WatchedInputStream extends FilterInputStream {

    private final CallWatch watch;

    WatchedInputStream(InputStream in, CallWatch watch) {
        super(in);
        this.watch = watch;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            watch.bytesArrived();
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = in.read(buffer, offset, length);
        if (count > 0) {
            watch.bytesArrived();
        }
        return count;
    }
}
