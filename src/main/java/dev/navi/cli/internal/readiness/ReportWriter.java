package dev.navi.cli.internal.readiness;

import dev.navi.cli.internal.NaviClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code readiness.md} for people and {@code readiness.json} for machines, from the same rows. */
final class ReportWriter {

    private ReportWriter() {}

    static void write(Readiness readiness, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("readiness.md"), markdown(readiness));
        Files.writeString(
                directory.resolve("readiness.json"),
                NaviClient.json().writerWithDefaultPrettyPrinter().writeValueAsString(json(readiness)) + "\n");
    }

    static String markdown(Readiness readiness) {
        var verdict = readiness.verdict();
        var md = new StringBuilder();
        md.append("# Production readiness: ").append(readiness.target()).append("\n\n");
        md.append("Generated ")
                .append(readiness.generatedAt())
                .append(" by `navi readiness`. Every row is a check that ran")
                .append(" during this review; ⚠️ means it could not decide, and says why.\n\n");
        md.append("**Verdict: ").append(verdict.sentence()).append("**\n\n");
        md.append("| Section | ✅ | ⚠️ | ❌ |\n|---|---|---|---|\n");
        for (var section : Section.values()) {
            var counts = Verdict.of(readiness.rows(section));
            md.append("| [")
                    .append(section.title())
                    .append("](#")
                    .append(AlertChecks.anchor(section.title()))
                    .append(") | ")
                    .append(counts.passed())
                    .append(" | ")
                    .append(counts.warned())
                    .append(" | ")
                    .append(counts.failed())
                    .append(" |\n");
        }
        for (var section : Section.values()) {
            md.append("\n## ").append(section.title()).append("\n\n");
            md.append("| | Check | Evidence | Seen |\n|---|---|---|---|\n");
            for (var row : readiness.rows(section)) {
                md.append("| ")
                        .append(row.outcome().symbol())
                        .append(" | ")
                        .append(cell(row.check()))
                        .append(" | ")
                        .append(cell(row.evidence()))
                        .append(" | ")
                        .append(cell(row.outcome().text()))
                        .append(" |\n");
            }
        }
        md.append("\n## Customization required\n\n");
        if (readiness.customizations().isEmpty()) {
            md.append("No placeholder values found.\n");
        } else {
            md.append("| File | Line | Found | What to do |\n|---|---|---|---|\n");
            for (var c : readiness.customizations()) {
                md.append("| ")
                        .append(cell(c.file()))
                        .append(" | ")
                        .append(c.line())
                        .append(" | `")
                        .append(cell(c.found()))
                        .append("` | ")
                        .append(cell(c.action()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    static Map<String, Object> json(Readiness readiness) {
        var verdict = readiness.verdict();
        var root = new LinkedHashMap<String, Object>();
        root.put("generatedAt", readiness.generatedAt().toString());
        root.put("target", readiness.target());
        root.put("ready", verdict.ready());
        root.put(
                "verdict",
                Map.of(
                        "passed",
                        verdict.passed(),
                        "warned",
                        verdict.warned(),
                        "failed",
                        verdict.failed(),
                        "total",
                        verdict.total(),
                        "summary",
                        verdict.sentence()));
        var sections = new java.util.ArrayList<Map<String, Object>>();
        for (var section : Section.values()) {
            var rows = readiness.rows(section).stream().map(ReportWriter::row).toList();
            sections.add(Map.of(
                    "id", section.name().toLowerCase(java.util.Locale.ROOT), "title", section.title(), "rows", rows));
        }
        root.put("sections", sections);
        root.put(
                "customizations",
                readiness.customizations().stream()
                        .map(c -> Map.of("file", c.file(), "line", c.line(), "found", c.found(), "action", c.action()))
                        .toList());
        return root;
    }

    private static Map<String, Object> row(Row row) {
        var json = new LinkedHashMap<String, Object>();
        json.put("check", row.check());
        json.put("status", row.outcome().status());
        json.put("evidence", row.evidence());
        json.put("seen", row.outcome().text());
        return json;
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }

    /** Rows of a section that has none get one ⚠️ row: a section is never silently empty. */
    static List<Row> complete(List<Row> rows) {
        var all = new java.util.ArrayList<>(rows);
        for (var section : Section.values()) {
            if (all.stream().noneMatch(r -> r.section() == section)) {
                all.add(Row.warn(section, "no check ran for this section", "-", "nothing in this run could check it"));
            }
        }
        return all;
    }
}
