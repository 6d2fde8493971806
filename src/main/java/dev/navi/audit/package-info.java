/**
 * Audit log: an append-only record of security-relevant actions (commands run, tasks submitted and
 * cancelled, authentication failures, admin reads, API keys), encrypted at rest and chained with an
 * HMAC so that editing, deleting, inserting or reordering a row is detected by {@code audit verify}.
 * Depends on nothing, so every module can record.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit log",
        allowedDependencies = {})
package dev.navi.audit;
