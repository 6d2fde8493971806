package dev.navi.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code audit_log} table: appended to under a lock, never updated or deleted. */
final class AuditStore implements ChainVerifier.Rows {

    /** The advisory lock every append holds until its transaction ends: one chain across all processes. */
    static final long APPEND_LOCK = 0x6e617669_61756469L; // "naviaudi"

    private static final String COLUMNS =
            "seq, at, action, outcome, tenant, subject_index, key_id, nonce, ciphertext, prev_hash, hash";

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the append lock for the rest of the current transaction. */
    void lockForAppend() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", APPEND_LOCK)
                .query((rs, n) -> 1)
                .single();
    }

    /** The newest row's seq and hash; read under the append lock. */
    Optional<Link> last() {
        return jdbc.sql("select seq, hash from audit_log order by seq desc limit 1")
                .query((rs, n) -> new Link(rs.getLong("seq"), rs.getBytes("hash")))
                .optional();
    }

    void insert(AuditRow row) {
        jdbc.sql("insert into audit_log (" + COLUMNS + ") values (:seq, :at, :action, :outcome, :tenant,"
                        + " :subjectIndex, :keyId, :nonce, :ciphertext, :prevHash, :hash)")
                .param("seq", row.seq())
                .param("at", Timestamp.from(row.at()))
                .param("action", row.action())
                .param("outcome", row.outcome())
                .param("tenant", row.tenant(), Types.VARCHAR)
                .param("subjectIndex", row.subjectIndex(), Types.BINARY)
                .param("keyId", row.keyId())
                .param("nonce", row.nonce())
                .param("ciphertext", row.ciphertext())
                .param("prevHash", row.prevHash())
                .param("hash", row.hash())
                .update();
    }

    /** Rows in chain order after {@code afterSeq}; the verifier walks the whole table with it. */
    @Override
    public List<AuditRow> after(long afterSeq, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_log where seq > :after order by seq limit :limit")
                .param("after", afterSeq)
                .param("limit", limit)
                .query(AuditStore::row)
                .list();
    }

    /** Newest first, before the cursor's seq; {@code subjectIndexes} empty means any subject. */
    List<AuditRow> page(AuditQuery query, List<byte[]> subjectIndexes, int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from audit_log where seq < :before");
        if (query.action() != null) {
            sql.append(" and action = :action");
        }
        if (query.tenant() != null) {
            sql.append(" and tenant = :tenant");
        }
        if (query.from() != null) {
            sql.append(" and at >= :from");
        }
        if (query.to() != null) {
            sql.append(" and at < :to");
        }
        if (!subjectIndexes.isEmpty()) {
            sql.append(" and subject_index in (:subjects)");
        }
        sql.append(" order by seq desc limit :limit");
        var statement = jdbc.sql(sql.toString())
                .param("before", query.cursor() == null ? Long.MAX_VALUE : query.cursor())
                .param("limit", limit);
        if (query.action() != null) {
            statement = statement.param("action", query.action().wireName());
        }
        if (query.tenant() != null) {
            statement = statement.param("tenant", query.tenant());
        }
        if (query.from() != null) {
            statement = statement.param("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            statement = statement.param("to", Timestamp.from(query.to()));
        }
        if (!subjectIndexes.isEmpty()) {
            statement = statement.param("subjects", subjectIndexes);
        }
        return statement.query(AuditStore::row).list();
    }

    private static AuditRow row(ResultSet rs, int n) throws SQLException {
        return new AuditRow(
                rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("tenant"),
                rs.getBytes("subject_index"),
                rs.getString("key_id"),
                rs.getBytes("nonce"),
                rs.getBytes("ciphertext"),
                rs.getBytes("prev_hash"),
                rs.getBytes("hash"));
    }

    /** Where the chain ends: the seq and hash the next row links to. */
    record Link(long seq, byte[] hash) {}

    /** Filters of a page; null means any. {@code cursor} is the seq the page starts below. */
    record AuditQuery(
            dev.navi.audit.AuditAction action, String tenant, String subject, Instant from, Instant to, Long cursor) {}
}
