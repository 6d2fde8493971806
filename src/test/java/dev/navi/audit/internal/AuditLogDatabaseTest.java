package dev.navi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditChainReport;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditOutcome;
import dev.navi.audit.AuditWriteException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log on a real PostgreSQL with the real migrations: appends, the trigger, and tampering by SQL. */
class AuditLogDatabaseTest {

    @TempDir
    static Path home;

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final AuditKeys keys = AuditKeys.of("k1", ChainVerifierTest.KEY, Map.of());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private ChainedAuditLog audit;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(home.resolve("pgdata"))
                .setCleanDataDirectory(true)
                .start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        asSuperuser("truncate audit_log");
        audit = auditLog(keys);
    }

    private ChainedAuditLog auditLog(AuditKeys with) {
        return new ChainedAuditLog(new AuditStore(jdbc), new RowSeal(with), transactions, Clock.systemUTC(), meters);
    }

    private AuditChainReport verify(AuditKeys with) {
        return new ChainVerifier(new AuditStore(jdbc), with, new RowSeal(with)).verify();
    }

    /** What an operator with the superuser can do: triggers do not fire for a replica session. */
    private void asSuperuser(String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    private void record(int n) {
        audit.record(ChainVerifierTest.entry(n));
    }

    @Nested
    class Appending {

        @Test
        void whenRecordsAreAppendedThenTheChainVerifiesAndTheyAreCounted() {
            IntStream.rangeClosed(1, 5).forEach(AuditLogDatabaseTest.this::record);

            var report = verify(keys);

            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(report.records()).isEqualTo(5);
            assertThat(meters.get("navi.audit.records")
                            .tag("action", "command_run")
                            .counter()
                            .count())
                    .isEqualTo(5);
        }

        @Test
        void whenManyThreadsAppendAtOnceThenTheChainStaysLinear() throws Exception {
            try (var pool = Executors.newFixedThreadPool(8)) {
                IntStream.rangeClosed(1, 40).forEach(n -> pool.submit(() -> record(n)));
            }

            var report = verify(keys);

            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(report.records()).isEqualTo(40);
        }

        @Test
        void whenTheCallersTransactionRollsBackThenItsRecordIsGoneAndTheChainIntact() {
            record(1);
            transactions.executeWithoutResult(status -> {
                record(2);
                status.setRollbackOnly();
            });
            record(3);

            var report = verify(keys);

            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(report.records()).isEqualTo(2);
            assertThat(meters.get("navi.audit.records")
                            .tag("action", "command_run")
                            .counter()
                            .count())
                    .isEqualTo(2);
        }

        @Test
        void whenAnUpdateOrDeleteIsTriedThenTheTableRefusesIt() {
            record(1);

            assertThatThrownBy(() ->
                            jdbc.sql("update audit_log set outcome = 'failed'").update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).hasMessageContaining("append-only");
        }

        @Test
        void whenTheTableCannotBeWrittenThenTheRecordThrowsAndTheFailureIsCounted() {
            asSuperuser("alter table audit_log rename to audit_log_gone");
            try {
                assertThatThrownBy(
                                () -> audit.record(AuditEntry.of(AuditAction.COMMAND_RUN, AuditOutcome.SUCCEEDED, "t")))
                        .isInstanceOf(AuditWriteException.class)
                        .hasMessageContaining("command_run");
                assertThat(meters.get("navi.audit.write.failures").counter().count())
                        .isEqualTo(1);
            } finally {
                asSuperuser("alter table audit_log_gone rename to audit_log");
            }
        }
    }

    @Nested
    class Tampering {

        @BeforeEach
        void fiveRecords() {
            IntStream.rangeClosed(1, 5).forEach(AuditLogDatabaseTest.this::record);
        }

        @Test
        void whenAnyColumnIsEditedThenVerifyNamesTheRow() {
            for (var edit : java.util.List.of(
                    "at = at + interval '1 second'",
                    "action = 'admin_read'",
                    "outcome = 'failed'",
                    "tenant = 'other'",
                    "subject_index = null",
                    "key_id = 'k1x'",
                    "nonce = decode('000000000000000000000000', 'hex')",
                    "ciphertext = ciphertext || '\\x00'::bytea",
                    "prev_hash = decode(repeat('00', 32), 'hex')",
                    "hash = decode(repeat('11', 32), 'hex')")) {
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("set local session_replication_role = replica").update();
                    jdbc.sql("update audit_log set " + edit + " where seq = 3").update();
                    var report = verify(keys);
                    assertThat(report.firstBadSeq())
                            .as(edit + ": " + report.summary())
                            .isEqualTo(3);
                    status.setRollbackOnly();
                });
            }
        }

        @Test
        void whenARowIsDeletedThenVerifyNamesTheNextOne() {
            asSuperuser("delete from audit_log where seq = 2");

            var report = verify(keys);

            assertThat(report.firstBadSeq()).as(report.summary()).isEqualTo(3);
            assertThat(report.problem()).contains("seq 2 missing");
        }

        @Test
        void whenRowsAreReorderedThenVerifyNamesTheFirst() {
            asSuperuser("update audit_log set seq = 100 where seq = 2");
            asSuperuser("update audit_log set seq = 2 where seq = 4");
            asSuperuser("update audit_log set seq = 4 where seq = 100");

            assertThat(verify(keys).firstBadSeq()).isEqualTo(2);
        }

        @Test
        void whenARowIsInsertedByCopyingAnotherThenVerifyNamesIt() {
            asSuperuser("insert into audit_log select 6, at, action, outcome, tenant, subject_index, key_id, nonce,"
                    + " ciphertext, prev_hash, hash from audit_log where seq = 5");

            assertThat(verify(keys).firstBadSeq()).isEqualTo(6);
        }

        @Test
        void whenTheKeyIsWrongThenTheFirstRowIsReportedAsAWrongKey() {
            var wrong = AuditKeys.of("k1", ChainVerifierTest.OTHER_KEY, Map.of());

            var report = verify(wrong);

            assertThat(report.firstBadSeq()).isEqualTo(1);
            assertThat(report.problem()).contains("wrong key?");
        }

        @Test
        void whenTheKeyIsRotatedThenOldAndNewRowsVerify() {
            var rotated = AuditKeys.of("k2", ChainVerifierTest.OTHER_KEY, Map.of("k1", ChainVerifierTest.KEY));
            auditLog(rotated).record(ChainVerifierTest.entry(6));

            var report = verify(rotated);

            assertThat(report.intact()).as(report.summary()).isTrue();
            assertThat(report.records()).isEqualTo(6);
        }
    }
}
