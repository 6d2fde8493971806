package dev.navi.tasks.internal;

import dev.navi.workspace.FinishedTasks;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the workspace module's retention sweep which copies belong to tasks that ended long enough ago. */
@Component
class FinishedTaskQuery implements FinishedTasks {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    FinishedTaskQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> endedBefore(Collection<UUID> taskIds, Instant cutoff) {
        var ids = List.copyOf(taskIds);
        var removable = new HashSet<UUID>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            var unknown = new HashSet<>(chunk);
            jdbc.sql("select id, finished_at from tasks where id in (:ids)")
                    .param("ids", chunk)
                    .query((row, n) -> {
                        var id = row.getObject("id", UUID.class);
                        unknown.remove(id);
                        Timestamp finished = row.getTimestamp("finished_at");
                        if (finished != null && finished.toInstant().isBefore(cutoff)) {
                            removable.add(id);
                        }
                        return id;
                    })
                    .list();
            removable.addAll(unknown);
        }
        return removable;
    }
}
