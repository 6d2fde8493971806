package dev.navi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects what the fault matrix measured and writes it as the table of docs/llm-resilience.md to
 * {@code target/llm-resilience-matrix.md} (rewritten after each matrix class, so the last one holds all).
 */
final class LlmFaultTable {

    private static final Path OUTPUT = Path.of("target/llm-resilience-matrix.md");
    private static final Map<String, Map<String, String>> CELLS = new ConcurrentHashMap<>();
    private static final Map<String, LlmFaultScenario> ROWS = new LinkedHashMap<>();

    private LlmFaultTable() {}

    static synchronized void record(
            LlmFaultScenario scenario, String variant, int calls, Duration waited, String outcome) {
        ROWS.putIfAbsent(scenario.name(), scenario);
        var cell = calls + " · " + String.format(Locale.ROOT, "%.1f s", waited.toMillis() / 1000.0) + " · " + outcome;
        CELLS.computeIfAbsent(scenario.name(), name -> new ConcurrentHashMap<>())
                .put(variant, cell);
    }

    static synchronized void write() {
        var variants = new TreeSet<String>();
        CELLS.values().forEach(cells -> variants.addAll(cells.keySet()));
        var out = new StringBuilder("| Class | Fault served by llm-sim |");
        variants.forEach(variant -> out.append(' ').append(variant).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(variants.size())).append('\n');
        var ordered = new LinkedHashMap<String, LlmFaultScenario>();
        LlmFaultScenario.ALL.forEach(s -> ordered.put(s.name(), s));
        ordered.putAll(ROWS);
        for (var scenario : ordered.values()) {
            var cells = CELLS.get(scenario.name());
            if (cells == null) {
                continue;
            }
            out.append("| ")
                    .append(scenario.errorClass())
                    .append(" | ")
                    .append(scenario.fault())
                    .append(" |");
            variants.forEach(variant ->
                    out.append(' ').append(cells.getOrDefault(variant, "")).append(" |"));
            out.append('\n');
        }
        try {
            Files.createDirectories(OUTPUT.getParent());
            Files.writeString(OUTPUT, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
