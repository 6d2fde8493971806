package dev.navi.tasks.internal;

import dev.navi.workspace.FinishedTasks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the workspace module's retention sweep when the tasks owning copies ended. */
@Component
class FinishedTaskQuery implements FinishedTasks {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    FinishedTaskQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, Optional<Instant>> endings(Collection<UUID> taskIds) {
        var ids = List.copyOf(taskIds);
        var endings = new HashMap<UUID, Optional<Instant>>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("select id, finished_at from tasks where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((row, n) -> {
                        Timestamp finished = row.getTimestamp("finished_at");
                        return endings.put(
                                row.getObject("id", UUID.class),
                                Optional.ofNullable(finished).map(Timestamp::toInstant));
                    })
                    .list();
        }
        return endings;
    }
}
