package dev.navi.audit.internal;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditWriteException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends under the advisory lock: the last row is read and the new one inserted in one transaction
 * (the caller's when there is one), so the chain stays linear whatever the number of NAVI processes.
 */
final class ChainedAuditLog implements AuditLog {

    private static final Logger log = LoggerFactory.getLogger(ChainedAuditLog.class);

    private final AuditStore store;
    private final RowSeal seal;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter failures;
    private final Map<AuditAction, Counter> records = new EnumMap<>(AuditAction.class);

    ChainedAuditLog(
            AuditStore store, RowSeal seal, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.seal = seal;
        this.transactions = transactions;
        this.clock = clock;
        this.failures = Counter.builder("navi.audit.write.failures")
                .description("Audit records that could not be written; the action they record failed")
                .register(meters);
        for (var action : AuditAction.values()) {
            records.put(
                    action,
                    Counter.builder("navi.audit.records")
                            .description("Audit records committed")
                            .tag("action", action.wireName())
                            .register(meters));
        }
    }

    @Override
    public void record(AuditEntry entry) {
        var attributed = withRequestAddress(entry);
        boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
        try {
            transactions.executeWithoutResult(status -> {
                append(attributed);
                if (joined) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            records.get(entry.action()).increment();
                        }
                    });
                }
            });
        } catch (RuntimeException e) {
            failures.increment();
            log.error("Audit record of {} could not be written", entry.action().wireName(), e);
            throw new AuditWriteException(
                    "The audit record of " + entry.action().wireName() + " could not be written", e);
        }
        if (!joined) {
            records.get(entry.action()).increment();
        }
    }

    /** An entry recorded while a request is handled carries the client's address unless it names one. */
    private static AuditEntry withRequestAddress(AuditEntry entry) {
        if (entry.clientAddress() != null
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return entry;
        }
        return entry.withClient(entry.keyId(), request.getRequest().getRemoteAddr());
    }

    private void append(AuditEntry entry) {
        store.lockForAppend();
        var last = store.last();
        long seq = last.map(link -> link.seq() + 1).orElse(1L);
        byte[] prevHash = last.map(AuditStore.Link::hash).orElse(RowSeal.GENESIS);
        store.insert(seal.seal(entry, seq, clock.instant(), prevHash));
    }
}
