/**
 * Audit log: an append-only record of security-relevant actions (commands run, tasks submitted and
 * cancelled, authentication failures, admin reads, API keys), encrypted at rest and chained with an
 * HMAC so that editing, deleting, inserting or reordering a row is detected by {@code audit verify}.
 * Depends only on {@code security}, whose events (API key changes, refused requests) it records.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit log",
        allowedDependencies = {"security"})
package dev.navi.audit;
