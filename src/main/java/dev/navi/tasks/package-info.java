/**
 * Tasks: submission, state, limits, the queue workers claim from, and cancellation. A task's row and
 * its lifecycle events change together in one transaction.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tasks",
        allowedDependencies = {"events", "llm", "workspace"})
package dev.navi.tasks;
