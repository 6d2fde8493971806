package dev.navi.tasks;

/** Why a task failed: a stable class (an LLM error class or a stop reason) and a human message. */
public record TaskError(String errorClass, String message) {}
