package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.StreamEvent;
import java.time.Clock;

/**
 * One line per step, then the status line. On a terminal the status line stays at the bottom and is
 * rewritten in place ({@code \r} and erase-line); elsewhere only plain lines are written, the status
 * line once at the end.
 */
final class HumanRenderer implements Renderer {

    static final String ERASE_LINE = "\r\u001b[2K";

    /** Narrower than a classic terminal: a wrapped status line could not be rewritten in place. */
    private static final int STATUS_WIDTH = 79;

    private final CliEnvironment io;
    private final Steps steps;
    private final Progress progress = new Progress();
    private final Clock clock;
    private boolean finished;
    private boolean seen;

    HumanRenderer(CliEnvironment io, String taskId, Clock clock) {
        this.io = io;
        this.steps = new Steps(taskId);
        this.clock = clock;
    }

    @Override
    public synchronized void onEvent(StreamEvent event) {
        seen = true;
        progress.accept(event);
        steps.describe(event).ifPresent(this::line);
        redraw();
    }

    @Override
    public synchronized void onHeartbeat() {
        redraw();
    }

    @Override
    public synchronized void tick() {
        redraw();
    }

    @Override
    public synchronized void notice(String message) {
        erase();
        io.err().println("navi: " + message);
        io.err().flush();
        redraw();
    }

    @Override
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (seen) { // a stream refused before its first event (404, 401) leaves no status behind
            erase();
            io.out().println(progress.line(clock.instant()));
        }
        io.out().flush();
    }

    private void line(String text) {
        erase();
        io.out().println(text);
    }

    private void erase() {
        if (io.terminal()) {
            io.out().print(ERASE_LINE);
        }
    }

    private void redraw() {
        if (io.terminal() && !finished) {
            io.out().print(ERASE_LINE + Text.abbreviate(progress.line(clock.instant()), STATUS_WIDTH));
        }
        io.out().flush();
    }
}
