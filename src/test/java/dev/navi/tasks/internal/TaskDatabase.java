package dev.navi.tasks.internal;

import dev.navi.llm.CallContext;
import dev.navi.llm.LlmGateway;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import dev.navi.llm.TokenUsage;
import dev.navi.security.Caller;
import dev.navi.tasks.NewTask;
import dev.navi.workspace.WorkspaceSource;
import dev.navi.workspace.Workspaces;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tasks module's SQL against a real (embedded) PostgreSQL migrated by Flyway, one server per test
 * JVM, emptied before each test; workspaces and the model are stand-ins.
 */
final class TaskDatabase {

    private static final EmbeddedPostgres POSTGRES = start();

    /** One instance for the client and the transaction manager, so statements join the transaction. */
    private static final DataSource DATA_SOURCE = POSTGRES.getPostgresDatabase();

    final JdbcClient jdbc = JdbcClient.create(DATA_SOURCE);
    final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(DATA_SOURCE));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<Object> published = new CopyOnWriteArrayList<>();
    final List<String> validatedTenants = new CopyOnWriteArrayList<>();
    final List<dev.navi.audit.AuditEntry> audited = new CopyOnWriteArrayList<>();
    /** When set, every audit record fails to be written, as with the audit table gone. */
    volatile boolean auditFails;

    final TaskRows rows = new TaskRows(JsonMapper.builder().build());
    final TenantQuotas quotas;
    final TaskCatalog catalog;
    final TaskQueueRepository queue;
    final TaskVisibility visibility;
    final ApprovalRows approvalRows = new ApprovalRows(jdbc);
    final ApprovalDesk approvals;

    TaskDatabase(TasksProperties.Quotas quotaSettings) {
        jdbc.sql("truncate tasks cascade").update();
        var properties = properties(quotaSettings);
        quotas = new TenantQuotas(jdbc, properties, registry);
        catalog = new TaskCatalog(
                jdbc,
                rows,
                new SubmissionRules(properties),
                new RecordingWorkspaces(),
                this::publish,
                Clock.systemUTC(),
                new UnpricedModel(),
                transactions,
                quotas,
                new TaskAudit(this::audit),
                taskId -> {},
                approvalRows);
        queue = new TaskQueueRepository(
                jdbc, rows, this::publish, Clock.systemUTC(), quotas, new LeaseRecovery(jdbc, registry), approvalRows);
        approvals = new ApprovalDesk(
                jdbc,
                rows,
                approvalRows,
                this::publish,
                transactions,
                new TaskAudit(this::audit),
                Clock.systemUTC(),
                registry);
        visibility = new TaskVisibility(jdbc);
    }

    /**
     * As the application's listeners hear events: after the commit of the transaction that published
     * them (never for one rolled back), at once outside a transaction.
     */
    private void publish(Object event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            published.add(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                published.add(event);
            }
        });
    }

    TaskDatabase() {
        this(quotas(100, 10, Map.of()));
    }

    static TasksProperties.Quotas quotas(
            int maxQueued, int maxRunning, Map<String, TasksProperties.TenantQuota> tenants) {
        return new TasksProperties.Quotas(maxQueued, maxRunning, Duration.ofSeconds(30), tenants);
    }

    static Caller caller(String subject, String tenant) {
        return new Caller(subject, tenant, Set.of(Caller.TASKS_READ, Caller.TASKS_WRITE), null);
    }

    static Caller admin() {
        return new Caller("admin", "default", Set.of(Caller.ADMIN), null);
    }

    static NewTask newTask(String prompt) {
        return new NewTask(prompt, new WorkspaceSource.LocalPath("project"), null, null, null, null, null);
    }

    /** Claims as the worker does: in one transaction (the proxy's {@code @Transactional}). */
    java.util.Optional<dev.navi.tasks.ClaimedTask> claim(String worker) {
        return transactions.execute(status -> queue.claimNext(worker, Duration.ofMinutes(1)));
    }

    private static TasksProperties properties(TasksProperties.Quotas quotas) {
        return new TasksProperties(
                30,
                200,
                Duration.ofHours(1),
                Duration.ofHours(1),
                2_000_000,
                20_000_000,
                new BigDecimal("5.00"),
                new BigDecimal("100.00"),
                100_000,
                20,
                100,
                List.of(),
                quotas);
    }

    private static EmbeddedPostgres start() {
        try {
            var postgres = EmbeddedPostgres.builder().start();
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts every source and notes the tenant it was checked for. */
    private final class RecordingWorkspaces implements Workspaces {

        @Override
        public void validate(String tenant, WorkspaceSource source) {
            validatedTenants.add(tenant);
        }

        @Override
        public Path prepare(UUID taskId, String tenant, WorkspaceSource source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(UUID taskId) {}

        @Override
        public void awaitBaseline(UUID taskId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String diff(UUID taskId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String finalDiff(UUID taskId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkSize(UUID taskId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkpoint(UUID taskId, long seq) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<String> checkpointDiff(UUID taskId, long seq) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.navi.workspace.RestoredCopy restoreLatestCheckpoint(
                UUID taskId, String tenant, WorkspaceSource source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(UUID taskId) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class UnpricedModel implements LlmGateway {

        @Override
        public LlmResponse complete(LlmRequest request, CallContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TokenUsage worstCase(LlmRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean priced(String model) {
            return false;
        }

        @Override
        public String defaultModel() {
            return "local-model";
        }
    }

    private void audit(dev.navi.audit.AuditEntry entry) {
        if (auditFails) {
            throw new dev.navi.audit.AuditWriteException("audit_log is gone", new IllegalStateException());
        }
        audited.add(entry);
    }
}
