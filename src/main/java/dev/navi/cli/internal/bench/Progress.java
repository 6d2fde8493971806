package dev.navi.cli.internal.bench;

import java.io.PrintStream;
import java.util.Locale;

/** What the run is doing, on stderr, with the seconds since it began. */
final class Progress {

    private final PrintStream out;
    private final long begin = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    PrintStream stream() {
        return out;
    }

    void say(String format, Object... values) {
        var elapsed = (System.nanoTime() - begin) / 1e9;
        out.println(
                String.format(Locale.ROOT, "bench [%6.1f s] ", elapsed) + String.format(Locale.ROOT, format, values));
    }
}
