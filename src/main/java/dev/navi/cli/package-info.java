/**
 * The {@code navi} command line: client commands (submit, tasks, show, watch, cancel, diff, approve,
 * deny), {@code validate}, {@code bench} and {@code readiness}. It talks to a NAVI over its public HTTP
 * API like any other client and never starts a Spring context.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Command line",
        allowedDependencies = {})
package dev.navi.cli;
