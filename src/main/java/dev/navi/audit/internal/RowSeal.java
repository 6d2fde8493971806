package dev.navi.audit.internal;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditOutcome;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an entry into a sealed, chained row and back: AES-256-GCM over the sensitive fields (with the
 * clear columns as associated data), and {@code hash = HMAC-SHA256(prev_hash || the other columns)}.
 */
final class RowSeal {

    /** The {@code prev_hash} of the first row. */
    static final byte[] GENESIS = new byte[32];

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.shared();

    private final AuditKeys keys;

    RowSeal(AuditKeys keys) {
        this.keys = keys;
    }

    /** The row that follows {@code prevHash} at {@code seq}, under the current key. */
    AuditRow seal(AuditEntry entry, long seq, Instant at, byte[] prevHash) {
        var key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        var header = new AuditRow(
                seq,
                Canonical.truncate(at),
                entry.action().wireName(),
                entry.outcome().wireName(),
                entry.tenant(),
                subjectIndex(key, entry.subject()),
                key.id(),
                nonce,
                null,
                prevHash,
                null);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key, header, sensitive(entry));
        var sealed = withCiphertext(header, ciphertext, null);
        return withCiphertext(sealed, ciphertext, mac(key, sealed));
    }

    /** The row's MAC as its key computes it; compared with the stored {@code hash} by the verifier. */
    byte[] expectedHash(AuditRow row, KeyMaterial key) {
        return mac(key, row);
    }

    static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    /** The entry sealed in the row; fails when the row is not one its key sealed. */
    AuditEntry open(AuditRow row) throws UnreadableRowException {
        var key = keys.byId(row.keyId())
                .orElseThrow(() -> new UnreadableRowException(
                        "unknown key id '" + row.keyId() + "' (configure it under navi.audit.previous-keys)"));
        byte[] plain;
        try {
            plain = crypt(Cipher.DECRYPT_MODE, key, row, row.ciphertext());
        } catch (IllegalStateException e) {
            throw new UnreadableRowException(
                    "cannot decrypt (ciphertext or a clear column was changed, or wrong key?)");
        }
        return entry(row, plain);
    }

    /** Index values the subject may have been stored under, one per known key. */
    java.util.List<byte[]> subjectIndexes(String subject) {
        var indexes = new java.util.ArrayList<byte[]>();
        keys.all().forEach(key -> indexes.add(subjectIndex(key, subject)));
        return indexes;
    }

    private static byte[] subjectIndex(KeyMaterial key, String subject) {
        return subject == null ? null : hmac(key.subjectIndex(), subject.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(KeyMaterial key, AuditRow row) {
        return hmac(key.mac(), Canonical.chained(row));
    }

    private static byte[] hmac(SecretKey key, byte[] data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] crypt(int mode, KeyMaterial key, AuditRow row, byte[] input) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.encryption(), new GCMParameterSpec(TAG_BITS, row.nonce()));
            cipher.updateAAD(Canonical.header(row));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static byte[] sensitive(AuditEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("subject", entry.subject());
        node.put("api_key_id", entry.keyId());
        node.put("client_address", entry.clientAddress());
        node.put("target", entry.target());
        var details = node.putObject("details");
        entry.details().forEach(details::put);
        return JSON.writeValueAsBytes(node);
    }

    private static AuditEntry entry(AuditRow row, byte[] plain) throws UnreadableRowException {
        try {
            var node = JSON.readTree(plain);
            Map<String, String> details = new LinkedHashMap<>();
            node.path("details")
                    .properties()
                    .forEach(e -> details.put(e.getKey(), e.getValue().asString()));
            return new AuditEntry(
                    AuditAction.fromWireName(row.action()),
                    AuditOutcome.fromWireName(row.outcome()),
                    text(node.get("subject")),
                    row.tenant(),
                    text(node.get("api_key_id")),
                    text(node.get("client_address")),
                    text(node.get("target")),
                    details);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnreadableRowException("the decrypted entry is not one NAVI wrote: " + e.getMessage());
        }
    }

    private static String text(tools.jackson.databind.JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    private static AuditRow withCiphertext(AuditRow row, byte[] ciphertext, byte[] hash) {
        return new AuditRow(
                row.seq(),
                row.at(),
                row.action(),
                row.outcome(),
                row.tenant(),
                row.subjectIndex(),
                row.keyId(),
                row.nonce(),
                ciphertext,
                row.prevHash(),
                hash);
    }
}
