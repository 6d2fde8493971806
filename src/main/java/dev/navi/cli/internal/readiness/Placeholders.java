package dev.navi.cli.internal.readiness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * Values in the deployment files and the playbook that are placeholders (example hosts, {@code your-org},
 * empty secrets, no on-call contact) and must be replaced before production: the "customization
 * required" list. Comments are not scanned: they explain, they configure nothing.
 */
final class Placeholders {

    static final String SECRET_EXAMPLE = "deploy/k8s/secret.example.yaml";
    private static final List<String> SCANNED =
            List.of("deploy/k8s", "deploy/grafana/provisioning", "deploy/prometheus");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)\\b[\\w.-]*example\\.(?:com|org|net|invalid)\\b|\\byour[-_](?:org|company|domain|team)\\b|<[a-z][a-z -]*>|\\bchangeme\\b|\\bTODO\\b");
    private static final Pattern LATEST = Pattern.compile("^\\s*(?:newTag|image):\\s*\\S*\\blatest\\b");
    private static final Pattern CONTACT = Pattern.compile(
            "[\\w.+-]+@[\\w-]+\\.[\\w.]+|\\+?\\d[\\d ()-]{7,}\\d|https?://\\S+|(?<![\\w`(])[#@][a-z][\\w-]+");
    private static final Pattern API_KEY = Pattern.compile("sk-ant-[A-Za-z0-9_-]{10,}|sk-[A-Za-z0-9]{20,}");

    private final OpsKit kit;

    Placeholders(OpsKit kit) {
        this.kit = kit;
    }

    /** What must be customized. */
    List<Customization> scan() {
        var found = new ArrayList<Customization>();
        for (var file : files()) {
            var relative = kit.root().relativize(file).toString().replace('\\', '/');
            if (relative.startsWith("deploy/prometheus/tests/")) {
                continue; // the rule tests set example external labels on purpose
            }
            var lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                var line = uncommented(lines.get(i));
                var placeholder = PLACEHOLDER.matcher(line);
                while (placeholder.find()) {
                    found.add(new Customization(relative, i + 1, placeholder.group(), "replace with your own value"));
                }
                if (LATEST.matcher(line).find()) {
                    found.add(new Customization(relative, i + 1, line.strip(), "pin the image to a version or digest"));
                }
            }
        }
        emptySecrets()
                .forEach((key, line) -> found.add(new Customization(
                        SECRET_EXAMPLE,
                        line,
                        key + ": \"\"",
                        "set it in the Secret navi-secrets you create (never in git), or leave it empty if unused")));
        if (!hasContact()) {
            found.add(
                    new Customization(
                            OpsKit.ONCALL,
                            line(OpsKit.ONCALL, "## Escalation"),
                            "## Escalation without a contact",
                            "name the pager rotation, incident channel and secondary on-call (an address, a number or a link)"));
        }
        found.sort(java.util.Comparator.comparing(Customization::file).thenComparingInt(Customization::line));
        return found;
    }

    /** Keys of secret.example.yaml with a value, and API keys anywhere in the scanned files. */
    List<String> committedSecrets() {
        var committed = new ArrayList<String>();
        secretValues().forEach((key, value) -> {
            if (!value.isEmpty()) {
                committed.add(SECRET_EXAMPLE + ": " + key + " has a value");
            }
        });
        for (var file : files()) {
            var lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (API_KEY.matcher(lines.get(i)).find()) {
                    committed.add(
                            kit.root().relativize(file) + ":" + (i + 1) + " holds what looks like a provider API key");
                }
            }
        }
        return committed;
    }

    boolean hasContact() {
        if (!kit.exists(OpsKit.ONCALL)) {
            return false;
        }
        var text = kit.read(OpsKit.ONCALL);
        var start = text.indexOf("\n## Escalation");
        if (start < 0) {
            return false;
        }
        var end = text.indexOf("\n## ", start + 1);
        var section = text.substring(start, end < 0 ? text.length() : end);
        var contacts = CONTACT.matcher(section);
        while (contacts.find()) {
            if (!PLACEHOLDER.matcher(contacts.group()).find()) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Integer> emptySecrets() {
        var empty = new java.util.TreeMap<String, Integer>();
        secretValues().forEach((key, value) -> {
            if (value.isEmpty()) {
                empty.put(key, line(SECRET_EXAMPLE, key + ":"));
            }
        });
        return empty;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> secretValues() {
        if (!kit.exists(SECRET_EXAMPLE)) {
            return Map.of();
        }
        var values = new java.util.TreeMap<String, String>();
        Map<String, Object> secret = new Yaml().load(kit.read(SECRET_EXAMPLE));
        if (secret != null && secret.get("stringData") instanceof Map<?, ?> data) {
            ((Map<Object, Object>) data)
                    .forEach((k, v) -> values.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return values;
    }

    private List<Path> files() {
        var files = new ArrayList<Path>();
        for (var dir : SCANNED) {
            if (!kit.exists(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(kit.path(dir))) {
                walk.filter(f -> f.toString().matches(".*\\.(ya?ml)$")).sorted().forEach(files::add);
            } catch (IOException e) {
                // a directory that cannot be listed has nothing to flag
            }
        }
        return files;
    }

    private int line(String file, String startingWith) {
        if (!kit.exists(file)) {
            return 0;
        }
        var lines = kit.read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(startingWith)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String uncommented(String line) {
        var hash = line.indexOf(" #");
        var stripped = line.stripLeading();
        if (stripped.startsWith("#")) {
            return "";
        }
        return hash < 0 ? line : line.substring(0, hash);
    }
}
