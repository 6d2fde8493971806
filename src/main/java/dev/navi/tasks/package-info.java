/**
 * Tasks: submission, state, limits, the queue workers claim from, and cancellation. A task's row and
 * its lifecycle events change together in one transaction. Every task belongs to a tenant: callers see
 * their own tenant's tasks only, and quotas apply per tenant.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tasks",
        allowedDependencies = {"audit", "events", "llm", "security", "workspace"})
package dev.navi.tasks;
