package dev.navi.tasks.internal;

import dev.navi.tasks.ApprovalMode;
import dev.navi.tasks.StopReason;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskError;
import dev.navi.tasks.TaskLimits;
import dev.navi.tasks.TaskStatus;
import dev.navi.tasks.TaskUsage;
import dev.navi.workspace.WorkspaceSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Maps the {@code tasks} table to {@link Task} and back. */
@Component
class TaskRows implements RowMapper<Task> {

    static final String COLUMNS = """
            id, tenant, owner, status, prompt, model, workspace::text as workspace, limits::text as limits,
            created_at, started_at, finished_at, iterations, stop_reason, summary,
            input_tokens, output_tokens, cost_usd, llm_calls, error_class, error_message, approvals""";

    private final JsonMapper json;

    TaskRows(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Task mapRow(ResultSet rs, int rowNum) throws SQLException {
        var stopReason = rs.getString("stop_reason");
        var errorClass = rs.getString("error_class");
        return new Task(
                rs.getObject("id", UUID.class),
                rs.getString("tenant"),
                rs.getString("owner"),
                TaskStatus.fromWireName(rs.getString("status")),
                rs.getString("prompt"),
                rs.getString("model"),
                workspace(json.readTree(rs.getString("workspace"))),
                limits(json.readTree(rs.getString("limits"))),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getInt("iterations"),
                stopReason == null ? null : StopReason.fromWireName(stopReason),
                rs.getString("summary"),
                new TaskUsage(
                        rs.getLong("input_tokens"),
                        rs.getLong("output_tokens"),
                        cost(rs.getBigDecimal("cost_usd")),
                        rs.getInt("llm_calls")),
                errorClass == null ? null : new TaskError(errorClass, rs.getString("error_message")),
                ApprovalMode.fromWireName(rs.getString("approvals")));
    }

    /** A stored cost; null is an unknown one. */
    static java.math.BigDecimal cost(java.math.BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }

    String workspaceJson(WorkspaceSource source) {
        ObjectNode node = json.createObjectNode();
        switch (source) {
            case WorkspaceSource.LocalPath local -> node.put("path", local.path());
            case WorkspaceSource.GitRepository git -> {
                node.put("git", git.url());
                if (git.ref() != null) {
                    node.put("ref", git.ref());
                }
            }
        }
        return json.writeValueAsString(node);
    }

    String limitsJson(TaskLimits limits) {
        ObjectNode node = json.createObjectNode();
        node.put("maxIterations", limits.maxIterations());
        node.put("maxDurationSeconds", limits.maxDuration().toSeconds());
        node.put("maxTokens", limits.maxTokens());
        node.put("maxCostUsd", limits.maxCostUsd());
        return json.writeValueAsString(node);
    }

    static String describe(WorkspaceSource source) {
        return switch (source) {
            case WorkspaceSource.LocalPath local -> local.path();
            case WorkspaceSource.GitRepository git -> git.ref() == null ? git.url() : git.url() + "#" + git.ref();
        };
    }

    private static WorkspaceSource workspace(JsonNode node) {
        if (node.has("git")) {
            var ref = node.get("ref");
            return new WorkspaceSource.GitRepository(node.get("git").asString(), ref == null ? null : ref.asString());
        }
        return new WorkspaceSource.LocalPath(node.get("path").asString());
    }

    private static TaskLimits limits(JsonNode node) {
        return new TaskLimits(
                node.get("maxIterations").asInt(),
                Duration.ofSeconds(node.get("maxDurationSeconds").asLong()),
                node.get("maxTokens").asLong(),
                node.get("maxCostUsd").decimalValue());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
