package dev.navi.audit.internal;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditOutcome;
import dev.navi.audit.AuditWriteException;
import dev.navi.security.ApiKeyCreated;
import dev.navi.security.ApiKeyRevoked;
import dev.navi.security.AuthenticationFailed;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * API key changes are recorded in the transaction that makes them (no record, no change). Refused
 * requests are recorded too, but an unauthenticated flood must not turn into a flood of serialized
 * chain appends: per client address and reason, one record per {@link #FAILURE_WINDOW}, carrying how
 * many refusals it stands for. The metric {@code navi_auth_failures_total} counts every one.
 */
@Component
class SecurityAuditListener {

    static final Duration FAILURE_WINDOW = Duration.ofSeconds(10);
    private static final int MAX_TRACKED_SOURCES = 10_000;

    private final AuditLog audit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    SecurityAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(ApiKeyCreated created) {
        audit.record(AuditEntry.of(AuditAction.API_KEY_CREATED, AuditOutcome.SUCCEEDED, created.keyId())
                .withSubject(created.createdBy(), created.tenant())
                .withDetails(Map.of(
                        "name", created.name(),
                        "scopes",
                                String.join(
                                        " ", created.scopes().stream().sorted().toList()))));
    }

    @EventListener
    void on(ApiKeyRevoked revoked) {
        audit.record(AuditEntry.of(AuditAction.API_KEY_REVOKED, AuditOutcome.SUCCEEDED, revoked.keyId())
                .withSubject(revoked.revokedBy(), null));
    }

    /** The request is refused whatever happens here; a record that cannot be written is counted and logged by the log. */
    @EventListener
    void on(AuthenticationFailed failed) {
        var source = failed.clientAddress() + " " + failed.reason();
        if (windows.size() > MAX_TRACKED_SOURCES) {
            windows.clear();
        }
        var window = windows.computeIfAbsent(source, key -> new Window());
        long refusals = window.admit(failed.at().toEpochMilli());
        if (refusals == 0) {
            return;
        }
        try {
            audit.record(AuditEntry.of(AuditAction.AUTH_FAILED, AuditOutcome.REFUSED, failed.path())
                    .withClient(failed.keyId(), failed.clientAddress())
                    .withDetails(Map.of("reason", failed.reason(), "refusals", Long.toString(refusals))));
        } catch (AuditWriteException e) {
            // already counted in navi_audit_write_failures_total and logged; the 401/403 stands
        }
    }

    /** Refusals from one source since its last record; a record is due once the window has passed. */
    private static final class Window {
        private final AtomicLong opened = new AtomicLong(Long.MIN_VALUE);
        private final AtomicLong pending = new AtomicLong();

        long admit(long now) {
            pending.incrementAndGet();
            long last = opened.get();
            if (last != Long.MIN_VALUE && now - last < FAILURE_WINDOW.toMillis()) {
                return 0;
            }
            return opened.compareAndSet(last, now) ? pending.getAndSet(0) : 0;
        }
    }
}
