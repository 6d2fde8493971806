package dev.navi.audit.internal;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditLog;
import dev.navi.audit.AuditOutcome;
import dev.navi.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, decrypted, newest first; the security module's URL rules admit admins only. */
@RestController
@RequestMapping(value = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private final AuditStore store;
    private final RowSeal seal;
    private final AuditLog audit;
    private final AuditProperties properties;

    AuditController(AuditStore store, RowSeal seal, AuditLog audit, AuditProperties properties) {
        this.store = store;
        this.seal = seal;
        this.audit = audit;
        this.properties = properties;
    }

    @Operation(summary = "Audit records, newest first, filtered and paged by cursor; the read is itself recorded")
    @GetMapping
    AuditPage list(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String tenant,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit,
            Caller caller,
            HttpServletRequest request) {
        var query = AuditQueryParser.parse(action, tenant, subject, from, to, cursor);
        int size = AuditQueryParser.limit(limit, properties);
        var indexes = query.subject() == null ? List.<byte[]>of() : seal.subjectIndexes(query.subject());
        var rows = store.page(query, indexes, size + 1);
        var items = rows.stream().limit(size).map(this::item).toList();
        var next = rows.size() > size ? String.valueOf(items.getLast().seq()) : null;
        audit.record(AuditEntry.of(AuditAction.ADMIN_READ, AuditOutcome.SUCCEEDED, "/api/v1/audit")
                .withSubject(caller.subject(), caller.tenant())
                .withClient(caller.keyId(), request.getRemoteAddr())
                .withDetails(Map.of("query", request.getQueryString() == null ? "" : request.getQueryString())));
        return new AuditPage(items, next);
    }

    @ExceptionHandler
    ProblemDetail invalidQuery(InvalidAuditQueryException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("urn:navi:problem:invalid-request"));
        problem.setProperty("field", e.field());
        return problem;
    }

    private AuditItem item(AuditRow row) {
        try {
            var entry = seal.open(row);
            return new AuditItem(
                    row.seq(),
                    row.at(),
                    row.action(),
                    row.outcome(),
                    entry.tenant(),
                    entry.subject(),
                    entry.keyId(),
                    entry.clientAddress(),
                    entry.target(),
                    entry.details(),
                    null);
        } catch (UnreadableRowException e) {
            return new AuditItem(
                    row.seq(),
                    row.at(),
                    row.action(),
                    row.outcome(),
                    row.tenant(),
                    null,
                    null,
                    null,
                    null,
                    Map.of(),
                    e.getMessage());
        }
    }

    /** One page; {@code nextCursor} is null on the last one. */
    record AuditPage(List<AuditItem> items, String nextCursor) {}

    /**
     * One record, decrypted. {@code unreadable} says why the sensitive fields are missing (a row this
     * NAVI's keys cannot open; {@code audit verify} tells more).
     */
    record AuditItem(
            long seq,
            Instant at,
            String action,
            String outcome,
            String tenant,
            String subject,
            String keyId,
            String clientAddress,
            String target,
            Map<String, String> details,
            String unreadable) {}
}
