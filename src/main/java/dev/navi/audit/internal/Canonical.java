package dev.navi.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The byte strings the MAC and the GCM associated data are computed over: every value length-prefixed
 * (-1 for null), so no two different rows encode alike. Times count microseconds, PostgreSQL's precision.
 */
final class Canonical {

    private static final byte[] VERSION = "navi-audit-row-v1".getBytes(StandardCharsets.US_ASCII);

    private Canonical() {}

    /** The columns kept in clear, bound into the ciphertext as associated data. */
    static byte[] header(AuditRow row) {
        var out = new Encoder();
        out.bytes(VERSION);
        out.number(row.seq());
        out.number(micros(row.at()));
        out.text(row.action());
        out.text(row.outcome());
        out.text(row.tenant());
        out.bytes(row.subjectIndex());
        out.text(row.keyId());
        return out.toByteArray();
    }

    /** {@code prev_hash} followed by every other stored column but {@code hash}: what the row's MAC covers. */
    static byte[] chained(AuditRow row) {
        var out = new Encoder();
        out.bytes(row.prevHash());
        out.bytes(header(row));
        out.bytes(row.nonce());
        out.bytes(row.ciphertext());
        return out.toByteArray();
    }

    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    private static final class Encoder {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(buffer);

        void number(long value) {
            write(() -> out.writeLong(value));
        }

        void text(String value) {
            bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] value) {
            write(() -> {
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(value.length);
                    out.write(value);
                }
            });
        }

        byte[] toByteArray() {
            return buffer.toByteArray();
        }

        private void write(Write write) {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
        }

        private interface Write {
            void run() throws IOException;
        }
    }
}
