package dev.navi.llmsim.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The scripts a sim replays, by name; scripts can be added or replaced while it runs. */
public final class ScriptLibrary {

    private static final Logger log = LoggerFactory.getLogger(ScriptLibrary.class);
    private static final List<String> BUNDLED_EXAMPLES = List.of("default", "create-file");

    private final Map<String, Script> scripts = new ConcurrentSkipListMap<>();
    private final ScriptParser parser;

    private ScriptLibrary(JsonMapper mapper) {
        this.parser = new ScriptParser(mapper);
    }

    /** Reads every {@code *.json} file of {@code dir}; a missing directory gives an empty library. */
    public static ScriptLibrary fromDirectory(Path dir, JsonMapper mapper) {
        ScriptLibrary library = new ScriptLibrary(mapper);
        if (!Files.isDirectory(dir)) {
            log.warn("llm-sim scripts directory {} does not exist; no scripts loaded", dir);
            return library;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .forEach(library::addFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list llm-sim scripts in " + dir, e);
        }
        return library;
    }

    /** The example scripts shipped in the jar under {@code llm-sim/examples/}. */
    public static ScriptLibrary bundledExamples(JsonMapper mapper) {
        ScriptLibrary library = new ScriptLibrary(mapper);
        for (String name : BUNDLED_EXAMPLES) {
            String resource = "/llm-sim/examples/" + name + ".json";
            try (InputStream in = ScriptLibrary.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing bundled llm-sim example " + resource);
                }
                library.add(new String(in.readAllBytes(), StandardCharsets.UTF_8), Optional.of(name));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return library;
    }

    /** Number of scripts held. */
    public int size() {
        return scripts.size();
    }

    Script add(String json, Optional<String> fallbackName) {
        Script script = parser.parse(json, fallbackName);
        if (scripts.put(script.name(), script) != null) {
            log.info("llm-sim script {} replaced", script.name());
        }
        return script;
    }

    Optional<Script> find(String name) {
        return Optional.ofNullable(scripts.get(name));
    }

    Collection<Script> all() {
        return List.copyOf(scripts.values());
    }

    private void addFile(Path file) {
        String fileName = file.getFileName().toString();
        String baseName = fileName.substring(0, fileName.length() - ".json".length());
        try {
            add(Files.readString(file), Optional.of(baseName));
        } catch (InvalidScriptException e) {
            throw new IllegalArgumentException("Invalid llm-sim script " + fileName + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read llm-sim script " + file, e);
        }
    }
}
