package dev.navi.workspace.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code workspace_checkpoints} table: one patch per task and event seq (the last event of the round
 * the checkpoint follows, as the caller knows it from the events module).
 */
@Repository
class CheckpointStore {

    private final JdbcClient jdbc;

    CheckpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored checkpoint; {@code diff} is null once it was removed after the task's retention. */
    record Checkpoint(UUID taskId, long seq, String baselineTree, String diff) {

        boolean removed() {
            return diff == null;
        }
    }

    /** Stores the checkpoint at {@code seq}, replacing one stored there before. */
    void save(UUID taskId, long seq, String baselineTree, String diff, long bytes, Instant at) {
        jdbc.sql("""
                        insert into workspace_checkpoints (task_id, seq, baseline_tree, diff, bytes, created_at)
                        values (:task, :seq, :tree, :diff, :bytes, :at)
                        on conflict (task_id, seq) do update
                            set baseline_tree = excluded.baseline_tree, diff = excluded.diff,
                                bytes = excluded.bytes, created_at = excluded.created_at""")
                .param("task", taskId)
                .param("seq", seq)
                .param("tree", baselineTree)
                .param("diff", diff)
                .param("bytes", bytes)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The latest checkpoint at or before {@code seq}. */
    Optional<Checkpoint> atOrBefore(UUID taskId, long seq) {
        return jdbc.sql("""
                        select task_id, seq, baseline_tree, diff from workspace_checkpoints
                        where task_id = :task and seq <= :seq order by seq desc limit 1""")
                .param("task", taskId)
                .param("seq", seq)
                .query(CheckpointStore::checkpoint)
                .optional();
    }

    Optional<Checkpoint> latest(UUID taskId) {
        return atOrBefore(taskId, Long.MAX_VALUE);
    }

    /** The tasks that have checkpoints whose patches are still kept. */
    List<UUID> tasksWithKeptCheckpoints() {
        return jdbc.sql("select distinct task_id from workspace_checkpoints where diff is not null")
                .query(UUID.class)
                .list();
    }

    /** Removes the patches of these tasks' checkpoints, keeping the rows; returns how many were removed. */
    int removePatches(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update workspace_checkpoints set diff = null
                        where task_id in (:tasks) and diff is not null""").param("tasks", taskIds).update();
    }

    private static Checkpoint checkpoint(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Checkpoint(
                rs.getObject("task_id", UUID.class),
                rs.getLong("seq"),
                rs.getString("baseline_tree"),
                rs.getString("diff"));
    }
}
