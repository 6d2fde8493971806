package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/configuration.md is generated from the configuration metadata of the {@code navi.*} records.
 * Regenerate with {@code ./mvnw test -Dtest=ConfigurationReferenceTest -Dnavi.docs.write=true}.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");
    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    @Test
    void whenPropertiesChangeThenTheReferenceIsRegenerated() throws IOException {
        var generated = render(JsonMapper.builder().build().readTree(Files.readString(METADATA)));
        if (Boolean.getBoolean("navi.docs.write")) {
            Files.writeString(REFERENCE, generated);
        }
        assertThat(REFERENCE)
                .as("docs/configuration.md is stale; regenerate it")
                .hasContent(generated);
    }

    private static String render(JsonNode metadata) {
        var properties = new ArrayList<JsonNode>();
        metadata.get("properties").forEach(properties::add);
        properties.sort(Comparator.comparing(p -> p.get("name").asString()));
        var out = new StringBuilder("""
                # Configuration reference

                Generated from the `@ConfigurationProperties` records by `ConfigurationReferenceTest`; do not edit.
                Every setting can be given as an environment variable by Spring Boot's relaxed binding
                (`navi.llm.base-url` → `NAVI_LLM_BASEURL` or `NAVI_LLM_BASE_URL`); the variables the README names
                are mapped in `application.yaml`.

                | Property | Type | Default | Description |
                |---|---|---|---|
                """);
        for (var property : properties) {
            var name = property.get("name").asString();
            if (!name.startsWith("navi.")) {
                continue;
            }
            out.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(simpleType(property.path("type").asString("")))
                    .append(" | ")
                    .append(property.has("defaultValue") ? "`" + text(property.get("defaultValue")) + "`" : "")
                    .append(" | ")
                    .append(property.path("description")
                            .asString("")
                            .replace("\n", " ")
                            .replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    private static String simpleType(String type) {
        return type.replaceAll("[a-z]+(\\.[a-z]+)*\\.([A-Z])", "$2")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
