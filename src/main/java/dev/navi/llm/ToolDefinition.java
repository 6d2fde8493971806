package dev.navi.llm;

/** A tool offered to the model; {@code parametersSchemaJson} is a JSON Schema object as text. */
public record ToolDefinition(String name, String description, String parametersSchemaJson) {}
