package dev.navi.llmsim.internal;

/**
 * A tool call the scripted assistant makes.
 *
 * @param arguments the arguments as JSON text
 * @param raw true when {@code arguments} was given verbatim ({@code arguments_raw}) and may not be valid JSON
 */
record ScriptedToolCall(String name, String arguments, boolean raw) {}
