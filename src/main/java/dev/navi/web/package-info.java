/** The HTTP API: the tasks resource and RFC 9457 problem responses for every error. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web API",
        allowedDependencies = {"audit", "observability", "redaction", "security", "tasks", "workspace"})
package dev.navi.web;
