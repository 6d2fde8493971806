package dev.navi.events.internal;

import dev.navi.events.TaskSignals;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code NOTIFY} in the caller's transaction (or on its own when there is none): delivered on commit. */
@Component
class PgTaskSignals implements TaskSignals {

    private final JdbcClient jdbc;

    PgTaskSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void cancellationRequested(UUID taskId) {
        send(jdbc, new TaskSignal.CancellationCommitted(taskId));
    }

    static void send(JdbcClient jdbc, TaskSignal signal) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", TaskSignal.CHANNEL)
                .param("payload", TaskSignal.encode(signal))
                .query((rs, row) -> 0)
                .list();
    }
}
