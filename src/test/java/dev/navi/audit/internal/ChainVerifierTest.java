package dev.navi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditChainReport;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of exactly 32 bytes!".getBytes());
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private final AuditKeys keys = AuditKeys.of("k1", KEY, Map.of());
    private final RowSeal seal = new RowSeal(keys);

    @Nested
    class Sealing {

        @Test
        void whenAnEntryIsSealedThenOnlyTheFilterColumnsAreInClearAndItOpensAsItWas() throws Exception {
            var entry = entry(1);

            var row = seal.seal(entry, 1, AT, RowSeal.GENESIS);

            assertThat(row.action()).isEqualTo("command_run");
            assertThat(row.tenant()).isEqualTo("acme");
            assertThat(new String(row.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("alice")
                    .doesNotContain("10.0.0.7")
                    .doesNotContain("task-1");
            assertThat(row.at()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
            assertThat(seal.open(row)).isEqualTo(entry);
        }

        @Test
        void whenTheSameSubjectIsIndexedThenTheIndexMatchesAndHidesIt() {
            var first = seal.seal(entry(1), 1, AT, RowSeal.GENESIS);
            var second = seal.seal(entry(2), 2, AT, first.hash());

            assertThat(first.subjectIndex()).isEqualTo(second.subjectIndex()).hasSize(32);
            assertThat(seal.subjectIndexes("alice")).singleElement().isEqualTo(first.subjectIndex());
            assertThat(seal.subjectIndexes("bob").getFirst()).isNotEqualTo(first.subjectIndex());
        }

        @Test
        void whenAClearColumnIsChangedThenTheRowNoLongerDecrypts() {
            var row = seal.seal(entry(1), 1, AT, RowSeal.GENESIS);
            var moved = copy(
                    row,
                    r -> new AuditRow(
                            r.seq(),
                            r.at(),
                            r.action(),
                            r.outcome(),
                            "other-tenant",
                            r.subjectIndex(),
                            r.keyId(),
                            r.nonce(),
                            r.ciphertext(),
                            r.prevHash(),
                            r.hash()));

            assertThatThrownBy(() -> seal.open(moved))
                    .isInstanceOf(UnreadableRowException.class)
                    .hasMessageContaining("cannot decrypt");
        }

        @Test
        void whenAKeyIsNot32BytesThenItIsRefused() {
            var shortKey = Base64.getEncoder().encodeToString(new byte[16]);

            assertThatThrownBy(() -> KeyMaterial.derive("k1", shortKey))
                    .hasMessageContaining("must be 32 bytes")
                    .hasMessageNotContaining(shortKey);
        }

        @Test
        void whenKeysAreDerivedThenEachPurposeHasItsOwn() {
            var material = KeyMaterial.derive("k1", KEY);

            assertThat(material.encryption().getEncoded())
                    .isNotEqualTo(material.mac().getEncoded())
                    .isNotEqualTo(material.subjectIndex().getEncoded())
                    .isNotEqualTo(new byte[32]);
        }
    }

    @Nested
    class Verifying {

        @Test
        void whenNothingWasChangedThenTheChainIsIntactWithItsHead() {
            var rows = chain(5);

            var report = verify(rows, keys);

            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(report.records()).isEqualTo(5);
            assertThat(report.headSeq()).isEqualTo(5);
            assertThat(report.headHash())
                    .isEqualTo(java.util.HexFormat.of().formatHex(rows.get(4).hash()));
        }

        @Test
        void whenTheLogIsEmptyThenItIsIntact() {
            var report = verify(List.of(), keys);

            assertThat(report.intact()).isTrue();
            assertThat(report.headSeq()).isZero();
        }

        @Test
        void whenAClearColumnWasEditedThenThatSeqIsReported() {
            var rows = chain(5);
            rows.set(
                    2,
                    copy(
                            rows.get(2),
                            r -> new AuditRow(
                                    r.seq(),
                                    r.at(),
                                    "admin_read",
                                    r.outcome(),
                                    r.tenant(),
                                    r.subjectIndex(),
                                    r.keyId(),
                                    r.nonce(),
                                    r.ciphertext(),
                                    r.prevHash(),
                                    r.hash())));

            assertBrokenAt(verify(rows, keys), 3, "hash mismatch");
        }

        @Test
        void whenTheCiphertextWasEditedThenThatSeqIsReported() {
            var rows = chain(5);
            var flipped = rows.get(3).ciphertext().clone();
            flipped[0] ^= 1;
            rows.set(
                    3,
                    copy(
                            rows.get(3),
                            r -> new AuditRow(
                                    r.seq(),
                                    r.at(),
                                    r.action(),
                                    r.outcome(),
                                    r.tenant(),
                                    r.subjectIndex(),
                                    r.keyId(),
                                    r.nonce(),
                                    flipped,
                                    r.prevHash(),
                                    r.hash())));

            assertBrokenAt(verify(rows, keys), 4, "hash mismatch");
        }

        @Test
        void whenARowWasDeletedThenTheNextSeqIsReported() {
            var rows = chain(5);
            rows.remove(1);

            assertBrokenAt(verify(rows, keys), 3, "seq 2 missing");
        }

        @Test
        void whenARowWasInsertedWithoutTheKeyThenItIsReported() {
            var rows = chain(3);
            var forged = new RowSeal(AuditKeys.of("k1", OTHER_KEY, Map.of()))
                    .seal(entry(9), 4, AT, rows.get(2).hash());
            rows.add(forged);

            assertBrokenAt(verify(rows, keys), 4, "hash mismatch");
        }

        @Test
        void whenTwoRowsWereSwappedThenTheFirstOfThemIsReported() {
            var rows = chain(5);
            var second = rows.get(1);
            var third = rows.get(2);
            rows.set(1, withSeq(third, 2));
            rows.set(2, withSeq(second, 3));

            assertBrokenAt(verify(rows, keys), 2, "hash mismatch");
        }

        @Test
        void whenAValidRowIsReplayedAtAnotherPlaceThenThePrevLinkIsReported() {
            // a row re-sealed by the key holder onto a stale predecessor: its MAC is valid, its link is not
            var rows = chain(4);
            rows.set(2, seal.seal(entry(7), 3, AT, rows.get(0).hash()));

            assertBrokenAt(verify(rows, keys), 3, "prev_hash");
        }

        @Test
        void whenTheKeyIsWrongThenTheFirstRowIsReportedAsAWrongKey() {
            var rows = chain(3);

            assertBrokenAt(verify(rows, AuditKeys.of("k1", OTHER_KEY, Map.of())), 1, "wrong key?");
        }

        @Test
        void whenARowNamesAnUnknownKeyThenItIsReported() {
            var rows = chain(3);

            assertBrokenAt(verify(rows, AuditKeys.of("k2", OTHER_KEY, Map.of())), 1, "unknown key id 'k1'");
        }

        @Test
        void whenTheKeyWasRotatedThenOldRowsVerifyWithThePreviousKey() {
            var rows = chain(2);
            var rotated = AuditKeys.of("k2", OTHER_KEY, Map.of("k1", KEY));
            rows.add(new RowSeal(rotated).seal(entry(3), 3, AT, rows.get(1).hash()));

            var report = verify(rows, rotated);

            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(rows.get(2).keyId()).isEqualTo("k2");
        }
    }

    private static void assertBrokenAt(AuditChainReport report, long seq, String problem) {
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBadSeq()).as(report.summary()).isEqualTo(seq);
        assertThat(report.problem()).contains(problem);
        assertThat(report.summary()).contains("seq " + seq);
    }

    private AuditChainReport verify(List<AuditRow> rows, AuditKeys with) {
        ChainVerifier.Rows source = (after, limit) -> rows.stream()
                .filter(row -> row.seq() > after)
                .sorted(java.util.Comparator.comparingLong(AuditRow::seq))
                .limit(limit)
                .toList();
        return new ChainVerifier(source, with, new RowSeal(with)).verify();
    }

    private List<AuditRow> chain(int length) {
        var rows = new ArrayList<AuditRow>();
        byte[] prev = RowSeal.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            var row = seal.seal(entry(seq), seq, AT.plusSeconds(seq), prev);
            rows.add(row);
            prev = row.hash();
        }
        return rows;
    }

    static AuditEntry entry(int n) {
        return new AuditEntry(
                AuditAction.COMMAND_RUN,
                AuditOutcome.SUCCEEDED,
                "alice",
                "acme",
                "key-" + n,
                "10.0.0.7",
                "task-" + n,
                Map.of("command_sha256", "ab" + n, "exit_code", "0"));
    }

    private static AuditRow withSeq(AuditRow r, long seq) {
        return new AuditRow(
                seq,
                r.at(),
                r.action(),
                r.outcome(),
                r.tenant(),
                r.subjectIndex(),
                r.keyId(),
                r.nonce(),
                r.ciphertext(),
                r.prevHash(),
                r.hash());
    }

    private static AuditRow copy(AuditRow row, UnaryOperator<AuditRow> change) {
        return change.apply(row);
    }
}
