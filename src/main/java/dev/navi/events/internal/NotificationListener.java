package dev.navi.events.internal;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one listening session open for as long as it runs: opens it, hands every notification to the
 * handler, and when the session is lost opens a new one after a {@link Backoff} wait. The handler hears of
 * every (re)connection, so it can re-read whatever may have been notified while nobody listened.
 */
final class NotificationListener implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    /** Opens a session that is already listening. */
    interface Connector {
        Session open() throws Exception;
    }

    interface Session extends AutoCloseable {

        /** The payloads that arrived within {@code timeout}, possibly none; throws once the session is lost. */
        List<String> await(Duration timeout) throws Exception;

        @Override
        void close();
    }

    interface Handler {

        /** A session is listening; {@code reconnected} when it replaces a lost one. */
        void connected(boolean reconnected);

        void disconnected();

        void received(TaskSignal signal);
    }

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Connector connector;
    private final Handler handler;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Duration pollTimeout;
    private volatile boolean running = true;

    NotificationListener(Connector connector, Handler handler, Backoff backoff, Sleeper sleeper, Duration pollTimeout) {
        this.connector = connector;
        this.handler = handler;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void run() {
        int failures = 0;
        boolean connectedBefore = false;
        while (running) {
            try (var session = connector.open()) {
                failures = 0;
                handler.connected(connectedBefore);
                connectedBefore = true;
                listen(session);
            } catch (Exception e) {
                handler.disconnected();
                if (!running) {
                    break;
                }
                var wait = backoff.delay(failures);
                logLoss(failures, wait, e);
                failures++;
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        handler.disconnected();
    }

    private void listen(Session session) throws Exception {
        while (running) {
            for (var payload : session.await(pollTimeout)) {
                TaskSignal.decode(payload).ifPresentOrElse(this::deliver, () -> log.debug("Ignored {}", payload));
            }
        }
    }

    /** A handler failure concerns one signal, not the session: it is logged and the session stays. */
    private void deliver(TaskSignal signal) {
        try {
            handler.received(signal);
        } catch (RuntimeException e) {
            log.warn("Could not act on {}", signal, e);
        }
    }

    private static void logLoss(int failures, Duration wait, Exception e) {
        if (failures == 0) {
            log.warn("Lost the notification connection; reconnecting in {}: {}", wait, e.toString());
        } else {
            log.debug("Notification connection attempt {} failed; next in {}", failures, wait, e);
        }
    }

    /** Ends the loop within one poll timeout (or at once when it waits to reconnect and is interrupted). */
    void stop() {
        running = false;
    }

    boolean running() {
        return running;
    }
}
