package dev.navi.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code api_keys} table. */
final class ApiKeyStore {

    private static final String COLUMNS =
            "id, secret_hash, name, tenant, subject, scopes, created_at, created_by, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKeyRow key) {
        jdbc.sql("insert into api_keys (" + COLUMNS + ") values (:id, :hash, :name, :tenant, :subject, :scopes,"
                        + " :createdAt, :createdBy, null, null)")
                .param("id", key.id())
                .param("hash", key.secretHash())
                .param("name", key.name())
                .param("tenant", key.tenant())
                .param("subject", key.subject())
                .param("scopes", String.join(" ", new TreeSet<>(key.scopes())))
                .param("createdAt", Timestamp.from(key.createdAt()))
                .param("createdBy", key.createdBy())
                .update();
    }

    Optional<ApiKeyRow> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where id = :id")
                .param("id", id)
                .query(ApiKeyStore::row)
                .optional();
    }

    List<ApiKeyRow> all() {
        return jdbc.sql("select " + COLUMNS + " from api_keys order by created_at desc, id")
                .query(ApiKeyStore::row)
                .list();
    }

    /** False when there is no such key; a revoked key keeps its first revocation time. */
    boolean revoke(String id, Instant at) {
        return jdbc.sql("update api_keys set revoked_at = coalesce(revoked_at, :at) where id = :id")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Writes only when the stored time is older than {@code olderThan}: one write a minute, not one a request. */
    void touch(String id, Instant at, Instant olderThan) {
        jdbc.sql("update api_keys set last_used_at = :at"
                        + " where id = :id and (last_used_at is null or last_used_at < :olderThan)")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("olderThan", Timestamp.from(olderThan))
                .update();
    }

    private static ApiKeyRow row(ResultSet rs, int n) throws SQLException {
        return new ApiKeyRow(
                rs.getString("id"),
                rs.getBytes("secret_hash"),
                rs.getString("name"),
                rs.getString("tenant"),
                rs.getString("subject"),
                Set.copyOf(Arrays.asList(rs.getString("scopes").split(" "))),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One stored key; {@code secretHash} never leaves this package. */
    record ApiKeyRow(
            String id,
            byte[] secretHash,
            String name,
            String tenant,
            String subject,
            Set<String> scopes,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            Instant lastUsedAt) {}
}
