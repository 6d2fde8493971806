package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.NaviClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The scenarios bundled under {@code validate/} in the jar. {@code validate/files.txt} lists every
 * file (a jar's directories cannot be listed portably); a scenario is a {@code <name>/scenario.json}
 * line, in suite order, followed by its {@code repo/} and {@code check/} files. A file named
 * {@code _gitignore} becomes {@code .gitignore} (Maven leaves dot-files out of the jar).
 */
final class ScenarioCatalog {

    static final String ROOT = "/validate/";

    private ScenarioCatalog() {}

    static List<Scenario> all() {
        var scenarios = new ArrayList<Scenario>();
        var files = new LinkedHashMap<String, Map<String, String>>();
        var checks = new LinkedHashMap<String, Map<String, String>>();
        for (var line : read("files.txt").lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var slash = line.indexOf('/');
            var name = line.substring(0, slash);
            var rest = line.substring(slash + 1);
            files.computeIfAbsent(name, n -> new LinkedHashMap<>());
            checks.computeIfAbsent(name, n -> new LinkedHashMap<>());
            if (rest.startsWith("repo/")) {
                files.get(name).put(repoPath(rest.substring(5)), line);
            } else if (rest.startsWith("check/")) {
                checks.get(name).put(repoPath(rest.substring(6)), line);
            }
        }
        for (var name : files.keySet()) {
            scenarios.add(parse(name, NaviClient.json().readTree(read(name + "/scenario.json")), files, checks));
        }
        return scenarios;
    }

    static List<Scenario> of(Suite suite) {
        return all().stream().filter(s -> s.inSuite(suite)).toList();
    }

    static byte[] bytes(String resource) {
        try (InputStream in = ScenarioCatalog.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static String repoPath(String path) {
        var slash = path.lastIndexOf('/');
        var file = path.substring(slash + 1);
        return file.equals("_gitignore") ? path.substring(0, slash + 1) + ".gitignore" : path;
    }

    private static Scenario parse(
            String name,
            JsonNode json,
            Map<String, Map<String, String>> files,
            Map<String, Map<String, String>> checks) {
        var expect = json.path("expect");
        var expected = new Scenario.Expected(
                expect.path("status").asString("succeeded"),
                expect.path("stopReason").asString("completed"),
                expect.has("testsPass") ? expect.get("testsPass").asBoolean() : null,
                strings(expect.path("diffTouches")),
                strings(expect.path("refused")),
                expect.has("iterations") ? expect.get("iterations").asInt() : null);
        return new Scenario(
                name,
                json.path("description").asString(name),
                strings(json.path("suites")),
                json.path("prompt").asString(),
                json.has("limits") ? json.get("limits") : null,
                expected,
                strings(json.path("verify")),
                json.path("script"),
                Map.copyOf(files.get(name)),
                Map.copyOf(checks.get(name)));
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asString()));
        return List.copyOf(values);
    }
}
