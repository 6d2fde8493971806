/**
 * Observability: task, tool and HTTP metrics derived from task events and an outermost servlet filter;
 * request ids and W3C trace context in the logs; server-side failures grouped in {@code error_events}
 * with an API to list and resolve them.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Observability",
        allowedDependencies = {"events", "redaction", "tasks", "tools"})
package dev.navi.observability;
