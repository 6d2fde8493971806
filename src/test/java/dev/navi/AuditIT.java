package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditOutcome;
import dev.navi.audit.AuditVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit log in the running application: commands recorded by the agent, the admin API's filters
 * and paging, {@code navi audit verify} from the packaged jar, and a task that fails when its record
 * cannot be written.
 */
@TestPropertySource(
        properties = {
            "navi.llm.provider=openai",
            "navi.llm.openai-api-key=sk-test",
            "navi.llm.base-url=${navi.it.sim-url}/v1",
            "navi.llm.model=gpt-sim",
            "navi.audit.key=" + AuditIT.KEY,
            "navi.audit.key-id=audit-it"
        })
class AuditIT extends NaviIntegrationTest {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final Path JAR = Path.of(System.getProperty("navi.it.jar", "target/navi.jar"));

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Nested
    class Commands {

        @Test
        void whenATaskRunsACommandThenACommandRunRecordNamesTheTaskTheHashAndTheExitCode() {
            var id = submit("create-file", NaviHome.workspace("audit-cmd"), null)
                    .get("id")
                    .asString();
            var task = awaitFinished(id);

            var items = page("/api/v1/audit?action=command_run&limit=500").get("items");
            var records = new ArrayList<JsonNode>();
            items.forEach(item -> {
                if (id.equals(item.path("target").asString(null))) {
                    records.add(item);
                }
            });

            assertThat(task.get("status").asString()).isEqualTo("succeeded");
            assertThat(records).singleElement().satisfies(item -> {
                assertThat(item.get("outcome").asString()).isEqualTo("succeeded");
                assertThat(item.get("subject").asString())
                        .isEqualTo(task.get("owner").asString());
                assertThat(item.at("/details/command_sha256").asString()).isEqualTo(sha256("cat hello.txt"));
                assertThat(item.at("/details/exit_code").asString()).isEqualTo("0");
                assertThat(item.toString()).doesNotContain("cat hello.txt");
            });
        }

        @Test
        void whenACommandRecordCannotBeWrittenThenTheTaskFailsInsteadOfGoingOn() {
            superuser("""
                    create function refuse_command_records() returns trigger language plpgsql as $$
                    begin raise exception 'command records refused by the test'; end $$""");
            superuser("""
                    create trigger refuse_command_records before insert on audit_log for each row
                    when (new.action = 'command_run') execute function refuse_command_records()""");
            JsonNode task;
            try {
                var id = submit("create-file", NaviHome.workspace("audit-down"), null)
                        .get("id")
                        .asString();
                task = awaitFinished(id);
            } finally {
                superuser("drop trigger refuse_command_records on audit_log");
                superuser("drop function refuse_command_records()");
            }

            assertThat(task.get("status").asString()).isEqualTo("failed");
            assertThat(task.at("/error/class").asString()).isEqualTo("audit_write_failed");
            assertThat(metric("navi_audit_write_failures_total")).isGreaterThanOrEqualTo(1);
        }

        @Test
        void whenASubmissionRecordCannotBeWrittenThenNothingIsStoredAndTheAnswerIs503() {
            var before = get("/api/v1/tasks?limit=100", "application/json").body();
            superuser("alter table audit_log rename to audit_log_away");
            HttpResponse<String> response;
            try {
                response = post(
                        "/api/v1/tasks",
                        "{\"prompt\": \"never stored\", \"workspace\": {\"path\": \""
                                + NaviHome.workspace("audit-refused") + "\"}}");
            } finally {
                superuser("alter table audit_log_away rename to audit_log");
            }

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:audit-unavailable");
            assertThat(get("/api/v1/tasks?limit=100", "application/json").body())
                    .doesNotContain("never stored")
                    .isEqualTo(before);
        }
    }

    @Nested
    class Listing {

        @Test
        void whenPagedByCursorThenEveryRecordComesOnceNewestFirst() {
            var tenant = "paging-" + UUID.randomUUID();
            for (int n = 1; n <= 5; n++) {
                audit.record(AuditEntry.of(AuditAction.TASK_SUBMITTED, AuditOutcome.SUCCEEDED, "t" + n)
                        .withSubject("alice", tenant));
            }

            var targets = new ArrayList<String>();
            var seqs = new ArrayList<Long>();
            String cursor = null;
            int pages = 0;
            do {
                var page = page(
                        "/api/v1/audit?tenant=" + tenant + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
                page.get("items").forEach(item -> {
                    targets.add(item.get("target").asString());
                    seqs.add(item.get("seq").asLong());
                });
                cursor = page.get("nextCursor").isNull()
                        ? null
                        : page.get("nextCursor").asString();
                pages++;
            } while (cursor != null && pages < 10);

            assertThat(targets).containsExactly("t5", "t4", "t3", "t2", "t1");
            assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void whenFilteredBySubjectActionAndTimeThenOnlyMatchingRecordsCome() {
            var tenant = "filters-" + UUID.randomUUID();
            var before = Instant.now();
            audit.record(AuditEntry.of(AuditAction.API_KEY_CREATED, AuditOutcome.SUCCEEDED, "a")
                    .withSubject("carol", tenant));
            audit.record(AuditEntry.of(AuditAction.API_KEY_REVOKED, AuditOutcome.SUCCEEDED, "b")
                    .withSubject("dave", tenant));
            audit.record(AuditEntry.of(AuditAction.AUTH_FAILED, AuditOutcome.REFUSED, "c")
                    .withSubject("carol", tenant)
                    .withClient("key-1", "192.0.2.1"));

            var carol = targets("/api/v1/audit?tenant=" + tenant + "&subject=carol");
            var revoked = targets("/api/v1/audit?tenant=" + tenant + "&action=api_key_revoked");
            var inWindow = targets("/api/v1/audit?tenant=" + tenant + "&from=" + before + "&to=" + Instant.now());
            var later = targets(
                    "/api/v1/audit?tenant=" + tenant + "&from=" + Instant.now().plusSeconds(60));
            var refused = page("/api/v1/audit?tenant=" + tenant + "&action=auth_failed")
                    .at("/items/0");

            assertThat(carol).containsExactly("c", "a");
            assertThat(revoked).containsExactly("b");
            assertThat(inWindow).containsExactly("c", "b", "a");
            assertThat(later).isEmpty();
            assertThat(refused.get("outcome").asString()).isEqualTo("refused");
            assertThat(refused.get("clientAddress").asString()).isEqualTo("192.0.2.1");
            assertThat(refused.get("keyId").asString()).isEqualTo("key-1");
        }

        @Test
        void whenTheLogIsReadThenTheReadIsRecorded() {
            var marker = "marker" + UUID.randomUUID().toString().replace("-", "");
            page("/api/v1/audit?tenant=" + marker);

            var reads = page("/api/v1/audit?action=admin_read&limit=20").get("items");

            var queries = new ArrayList<String>();
            reads.forEach(item -> queries.add(item.at("/details/query").asString()));
            assertThat(queries).anyMatch(query -> query.contains(marker));
        }

        @Test
        void whenAFilterIsInvalidThenA400ProblemNamesIt() {
            for (var bad : Map.of(
                            "action=nope", "action",
                            "from=yesterday", "from",
                            "to=2026-13-01T00:00:00Z", "to",
                            "limit=0", "limit",
                            "limit=many", "limit",
                            "cursor=abc", "cursor",
                            "subject=", "subject",
                            "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")
                    .entrySet()) {
                var response = get("/api/v1/audit?" + bad.getKey(), "application/json");

                assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                var problem = parse(response);
                assertThat(problem.get("type").asString()).isEqualTo("urn:navi:problem:invalid-request");
                assertThat(problem.get("field").asString()).as(bad.getKey()).isEqualTo(bad.getValue());
            }
        }
    }

    @Nested
    class Verifying {

        @Test
        void whenTheJarVerifiesThenItPassesUntilARowIsEditedBySql() throws Exception {
            audit.record(AuditEntry.of(AuditAction.TASK_CANCELLED, AuditOutcome.SUCCEEDED, "verify-me"));
            assertThat(verifier.verify().intact()).isTrue();
            var jdbc = JdbcClient.create(dataSource);
            long seq =
                    jdbc.sql("select max(seq) from audit_log").query(Long.class).single();

            var intact = verifyWithJar();
            superuser("update audit_log set outcome = 'failed' where seq = " + seq);
            Result broken;
            try {
                broken = verifyWithJar();
            } finally {
                superuser("update audit_log set outcome = 'succeeded' where seq = " + seq);
            }

            assertThat(intact.exitCode()).as(intact.output()).isZero();
            assertThat(intact.output()).contains("audit log intact");
            assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
            assertThat(broken.output()).contains("BROKEN at seq " + seq).contains("hash mismatch");
            assertThat(verifier.verify().intact()).isTrue();
        }
    }

    private record Result(int exitCode, String output) {}

    private Result verifyWithJar() throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        var pool = (HikariDataSource) dataSource;
        String java = ProcessHandle.current().info().command().orElse("java");
        var log = Files.createTempFile(NaviHome.HOME, "audit-verify", ".log");
        var builder = new ProcessBuilder(
                        java,
                        "-jar",
                        JAR.toString(),
                        "audit",
                        "verify",
                        "--navi.home=" + NaviHome.HOME,
                        "--navi.database.url=" + pool.getJdbcUrl(),
                        "--navi.database.username=" + pool.getUsername(),
                        "--navi.database.password=" + pool.getPassword(),
                        "--navi.audit.key-id=audit-it")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("NAVI_AUDIT_KEY", KEY);
        builder.environment().put("NAVI_LOG_FORMAT", "");
        var process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("audit verify did not end: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    /** As the superuser, past the append-only trigger: what an operator who wants to tamper can do. */
    private void superuser(String sql) {
        var jdbc = JdbcClient.create(dataSource);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    private JsonNode page(String path) {
        var response = get(path, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return parse(response);
    }

    private List<String> targets(String path) {
        var targets = new ArrayList<String>();
        page(path).get("items").forEach(item -> targets.add(item.get("target").asString()));
        return targets;
    }

    private double metric(String name) {
        return get("/metrics", "text/plain")
                .body()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
