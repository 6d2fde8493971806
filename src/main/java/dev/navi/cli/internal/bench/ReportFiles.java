package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code bench.json}, {@code bench.md} and the chart into the report directory; reads a baseline. */
final class ReportFiles {

    static final String JSON = "bench.json";
    static final String MARKDOWN = "bench.md";

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportFiles() {}

    static Comparison compare(Path baselineFile, BenchResult result, double threshold) throws IOException {
        var baseline = MAPPER.readTree(Files.readString(baselineFile));
        return Comparison.of(baseline, Measure.of(result), threshold);
    }

    /** Whether the run passed: no measured task failed and, against a baseline, nothing regressed. */
    static boolean passed(BenchResult result, Comparison comparison) {
        var failed = result.overhead().stream().anyMatch(o -> o.failed() > 0)
                || result.throughput().stream().anyMatch(t -> t.failed() > 0);
        var regressed = comparison != null && !comparison.regressions().isEmpty();
        return !failed && !regressed;
    }

    /**
     * The JSON is {@code generatedAt} and {@code passed} (what {@code navi readiness} reads), the result,
     * its headline {@code measures} (what a later run compares with) and the comparison.
     */
    static Path write(Path directory, BenchResult result, Comparison comparison) throws IOException {
        Files.createDirectories(directory);
        var object = MAPPER.createObjectNode();
        object.put("generatedAt", java.time.Instant.now().toString());
        object.put("passed", passed(result, comparison));
        object.setAll((tools.jackson.databind.node.ObjectNode) MAPPER.valueToTree(result));
        object.set("measures", MAPPER.valueToTree(Measure.of(result)));
        if (comparison != null) {
            object.set("comparison", MAPPER.valueToTree(comparison));
        }
        Files.writeString(directory.resolve(JSON), MAPPER.writeValueAsString(object) + "\n");
        Files.writeString(directory.resolve(MarkdownReport.CHART), LatencyChart.svg(result.throughput()));
        var markdown = directory.resolve(MARKDOWN);
        Files.writeString(markdown, MarkdownReport.of(result, comparison));
        return markdown;
    }
}
