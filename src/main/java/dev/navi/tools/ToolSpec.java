package dev.navi.tools;

/** A tool's name, what it does, and its JSON Schema parameters (a JSON object, as text). */
public record ToolSpec(String name, String description, String parametersSchemaJson) {}
