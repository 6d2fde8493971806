package dev.navi.audit.internal;

import dev.navi.audit.AuditChainReport;
import dev.navi.audit.AuditVerifier;
import java.util.HexFormat;

/**
 * Walks {@code audit_log} in seq order. A row is intact when its key is known, its MAC matches (so no
 * column was changed), its seq follows the previous one (none deleted or inserted) and its
 * {@code prev_hash} is the previous row's hash (none reordered), and it decrypts.
 */
final class ChainVerifier implements AuditVerifier {

    private static final int BATCH = 500;

    private final Rows store;
    private final AuditKeys keys;
    private final RowSeal seal;

    /** The rows in seq order after a seq, a batch at a time. */
    interface Rows {
        java.util.List<AuditRow> after(long afterSeq, int limit);
    }

    ChainVerifier(Rows store, AuditKeys keys, RowSeal seal) {
        this.store = store;
        this.keys = keys;
        this.seal = seal;
    }

    @Override
    public AuditChainReport verify() {
        long checked = 0;
        long expectedSeq = 1;
        byte[] prevHash = RowSeal.GENESIS;
        while (true) {
            var rows = store.after(expectedSeq - 1, BATCH);
            if (rows.isEmpty()) {
                return new AuditChainReport(checked, expectedSeq - 1, hex(prevHash), null, null);
            }
            for (var row : rows) {
                var problem = problem(row, expectedSeq, prevHash);
                if (problem != null) {
                    return new AuditChainReport(checked, expectedSeq - 1, hex(prevHash), row.seq(), problem);
                }
                checked++;
                expectedSeq++;
                prevHash = row.hash();
            }
        }
    }

    /** Why the row is not the intact successor of the previous one, or null. */
    String problem(AuditRow row, long expectedSeq, byte[] prevHash) {
        var key = keys.byId(row.keyId());
        if (key.isEmpty()) {
            return "unknown key id '" + row.keyId() + "': configure it under navi.audit.previous-keys (wrong key?)";
        }
        if (!RowSeal.same(seal.expectedHash(row, key.get()), row.hash())) {
            return "hash mismatch: the row was changed, or inserted without the key (wrong key?)";
        }
        if (row.seq() != expectedSeq) {
            // rows come in seq order from expectedSeq on: a different seq is a larger one
            return "seq " + expectedSeq + (row.seq() - expectedSeq > 1 ? " to " + (row.seq() - 1) : "")
                    + " missing: deleted";
        }
        if (!RowSeal.same(row.prevHash(), prevHash)) {
            return "prev_hash does not match the hash of seq " + (expectedSeq - 1)
                    + ": a row before it was deleted, replaced or reordered";
        }
        try {
            seal.open(row);
        } catch (UnreadableRowException e) {
            return e.getMessage();
        }
        return null;
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
