package dev.navi.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audited action. Only {@code action}, {@code outcome} and {@code tenant} are stored in clear (for
 * filtering); the other fields are encrypted. Optional fields are null when they do not apply.
 *
 * @param action what was done
 * @param outcome how it ended
 * @param subject who did it (a JWT's {@code sub}, an API key's owner, a task's owner)
 * @param tenant whose data it concerned
 * @param keyId the caller's API key id, when the caller used one
 * @param clientAddress the client's address, for requests
 * @param target what it was done to, e.g. a task id
 * @param details small facts about it, e.g. {@code command_sha256} and {@code exit_code}; never secrets
 *     or raw command text
 */
public record AuditEntry(
        AuditAction action,
        AuditOutcome outcome,
        String subject,
        String tenant,
        String keyId,
        String clientAddress,
        String target,
        Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** An entry with only an action, an outcome and a target; the rest can be added with the withers. */
    public static AuditEntry of(AuditAction action, AuditOutcome outcome, String target) {
        return new AuditEntry(action, outcome, null, null, null, null, target, Map.of());
    }

    public AuditEntry withSubject(String subject, String tenant) {
        return new AuditEntry(action, outcome, subject, tenant, keyId, clientAddress, target, details);
    }

    public AuditEntry withClient(String keyId, String clientAddress) {
        return new AuditEntry(action, outcome, subject, tenant, keyId, clientAddress, target, details);
    }

    public AuditEntry withDetails(Map<String, String> details) {
        return new AuditEntry(action, outcome, subject, tenant, keyId, clientAddress, target, details);
    }
}
