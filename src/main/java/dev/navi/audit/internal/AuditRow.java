package dev.navi.audit.internal;

import java.time.Instant;

/**
 * One {@code audit_log} row as stored. {@code at}, {@code action}, {@code outcome} and {@code tenant} are
 * in clear for filtering; {@code subjectIndex} is a keyed hash of the subject (equal subjects, equal
 * index); the rest of the entry is in {@code ciphertext}.
 */
record AuditRow(
        long seq,
        Instant at,
        String action,
        String outcome,
        String tenant,
        byte[] subjectIndex,
        String keyId,
        byte[] nonce,
        byte[] ciphertext,
        byte[] prevHash,
        byte[] hash) {}
