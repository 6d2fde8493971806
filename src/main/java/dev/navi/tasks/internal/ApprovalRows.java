package dev.navi.tasks.internal;

import dev.navi.tasks.Approval;
import dev.navi.tasks.ApprovalRequest;
import dev.navi.tasks.ApprovalStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code approvals} table. Each call runs in its caller's transaction. */
@Component
class ApprovalRows {

    static final String SYSTEM = "system";

    private static final String COLUMNS = """
            id, task_id, tenant, tool_call_id, tool, arguments, status, reason, decided_by,
            requested_at, expires_at, decided_at""";

    private final JdbcClient jdbc;

    ApprovalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPending(UUID taskId, ApprovalRequest request, Instant now) {
        jdbc.sql("""
                        insert into approvals (id, task_id, tenant, tool_call_id, tool, arguments, status,
                                               requested_at, expires_at)
                        select :id, t.id, t.tenant, :toolCallId, :tool, :arguments, 'pending', :now, :expiresAt
                        from tasks t where t.id = :taskId""")
                .param("id", request.id())
                .param("toolCallId", request.toolCallId())
                .param("tool", request.tool())
                .param("arguments", request.arguments() == null ? "" : request.arguments())
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(request.expiresAt()))
                .param("taskId", taskId)
                .update();
    }

    List<Approval> of(UUID taskId) {
        return jdbc.sql("select " + COLUMNS + " from approvals where task_id = :taskId order by requested_at, id")
                .param("taskId", taskId)
                .query((rs, row) -> approval(rs))
                .list();
    }

    /** The approval, its row locked. */
    Optional<Approval> lock(UUID taskId, UUID approvalId) {
        return jdbc.sql("select " + COLUMNS + " from approvals where id = :id and task_id = :taskId for update")
                .param("id", approvalId)
                .param("taskId", taskId)
                .query((rs, row) -> approval(rs))
                .optional();
    }

    Approval decide(UUID approvalId, ApprovalStatus status, String reason, String by, Instant now) {
        return jdbc.sql("update approvals set status = :status, reason = :reason, decided_by = :by, decided_at = :now"
                        + " where id = :id and status = 'pending' returning " + COLUMNS)
                .param("status", status.wireName())
                .param("reason", reason)
                .param("by", by)
                .param("now", Timestamp.from(now))
                .param("id", approvalId)
                .query((rs, row) -> approval(rs))
                .single();
    }

    /**
     * Expires the pending approvals past their time in one statement: a concurrent sweep waits for
     * these rows and then finds them no longer pending, so each expires once.
     */
    List<Approval> expire(Instant now, String reason) {
        return jdbc.sql("update approvals set status = 'expired', reason = :reason, decided_by = :by,"
                        + " decided_at = :now where status = 'pending' and expires_at < :now returning " + COLUMNS)
                .param("reason", reason)
                .param("by", SYSTEM)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> approval(rs))
                .list();
    }

    /** A cancelled task's pending approvals are denied by whoever cancelled it. */
    void closeForCancelledTask(UUID taskId, String by, Instant now) {
        jdbc.sql("""
                        update approvals set status = 'denied', reason = 'the task was cancelled', decided_by = :by,
                                             decided_at = :now
                        where task_id = :taskId and status = 'pending'""")
                .param("by", by)
                .param("now", Timestamp.from(now))
                .param("taskId", taskId)
                .update();
    }

    long pending() {
        return jdbc.sql("select count(*) from approvals where status = 'pending'")
                .query(Long.class)
                .single();
    }

    private static Approval approval(ResultSet rs) throws SQLException {
        return new Approval(
                rs.getObject("id", UUID.class),
                rs.getObject("task_id", UUID.class),
                rs.getString("tenant"),
                rs.getString("tool_call_id"),
                rs.getString("tool"),
                rs.getString("arguments"),
                ApprovalStatus.fromWireName(rs.getString("status")),
                rs.getString("reason"),
                rs.getString("decided_by"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
