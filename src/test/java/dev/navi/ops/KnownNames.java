package dev.navi.ops;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What exists: settings (docs/configuration.md, the README's variables), endpoints, metrics, Kubernetes objects. */
final class KnownNames {

    private static final Pattern PROPERTY_ROW = Pattern.compile("^\\| `(navi\\.[^`]+)`", Pattern.MULTILINE);
    private static final Pattern README_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    private KnownNames() {}

    static Set<String> properties() {
        var properties = new LinkedHashSet<String>();
        var rows = PROPERTY_ROW.matcher(OpsArtifacts.read("docs/configuration.md"));
        while (rows.find()) {
            properties.add(rows.group(1));
        }
        return properties;
    }

    /** The variables of the README's configuration table. */
    static Set<String> readmeVariables() {
        var readme = OpsArtifacts.read("README.md");
        var table = readme.substring(readme.indexOf("| Variable |"));
        table = table.substring(0, table.indexOf("\n\n"));
        var variables = new LinkedHashSet<String>();
        for (var row : table.split("\n")) {
            var firstCell = row.split("\\|")[1];
            var names = README_VARIABLE.matcher(firstCell);
            while (names.find()) {
                variables.add(names.group(1));
            }
        }
        return variables;
    }

    /** Whether an environment variable means a setting: one the README names, or a relaxed binding of a property. */
    static boolean isVariable(String variable, Set<String> properties) {
        return readmeVariables().contains(variable)
                || properties.stream().anyMatch(p -> asVariable(p).equals(variable));
    }

    static String asVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Set<String> endpoints() {
        return lines("src/test/resources/ops/known-endpoints.txt");
    }

    static Set<String> metrics() {
        return lines("src/test/resources/ops/known-metrics.txt");
    }

    static Set<String> lines(String file) {
        var lines = new LinkedHashSet<String>();
        for (var line : OpsArtifacts.read(file).split("\n")) {
            var content = line.replaceAll("#.*", "").trim();
            if (!content.isEmpty()) {
                lines.add(content);
            }
        }
        return lines;
    }
}
