/**
 * Task events: every step of a task is a past-tense event record, stored in PostgreSQL with a per-task
 * sequence number before it is streamed live over SSE.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Events and streaming",
        allowedDependencies = {"redaction", "security"})
package dev.navi.events;
