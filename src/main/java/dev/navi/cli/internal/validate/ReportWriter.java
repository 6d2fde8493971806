package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.NaviClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@code report.md} (for people) and {@code report.json} (for machines) into one directory. */
final class ReportWriter {

    private ReportWriter() {}

    static void write(Report report, Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.md"), markdown(report));
            Files.writeString(directory.resolve("report.json"), json(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(Report report) {
        var md = new StringBuilder();
        md.append("# NAVI validation: ")
                .append(report.passed() ? "✅ passed" : "❌ failed")
                .append("\n\n");
        md.append("- Suite: `")
                .append(report.suite())
                .append("`, against ")
                .append(report.baseUrl())
                .append('\n');
        md.append("- LLM: ").append(report.llm()).append('\n');
        md.append("- Repositories: ").append(report.delivery()).append('\n');
        md.append("- Ran ")
                .append(report.started())
                .append(" → ")
                .append(report.finished())
                .append(" (")
                .append(Format.duration(Duration.between(report.started(), report.finished())))
                .append(")\n\n");
        md.append("## Scenarios\n\n");
        md.append("| | Scenario | Task | Outcome | Iterations | Tokens in/out | Cost | Submit → started | Wall |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (var s : report.scenarios()) {
            md.append("| ")
                    .append(s.passed() ? "✅" : "❌")
                    .append(" | ")
                    .append(s.name())
                    .append(" | ")
                    .append(s.taskId() == null ? "—" : "`" + s.taskId() + "`")
                    .append(" | ")
                    .append(s.status())
                    .append(s.stopReason() == null ? "" : " / " + s.stopReason())
                    .append(" | ")
                    .append(s.iterations())
                    .append(" | ")
                    .append(s.inputTokens())
                    .append(" / ")
                    .append(s.outputTokens())
                    .append(" | ")
                    .append(s.costUsd() == null ? "unknown" : Format.usd(s.costUsd()))
                    .append(" | ")
                    .append(ms(s.submitToStartedMs()))
                    .append(" | ")
                    .append(ms(s.wallMs()))
                    .append(" |\n");
        }
        for (var s : report.scenarios()) {
            if (!s.passed()) {
                md.append("\n**")
                        .append(s.name())
                        .append("** (")
                        .append(s.description())
                        .append(") failed:\n\n");
                s.failures()
                        .forEach(f ->
                                md.append("- ").append(f.replace("\n", "\n  ")).append('\n'));
            }
        }
        md.append("\n## Service contract\n\n| | Check | Measured | Required |\n|---|---|---|---|\n");
        for (var c : report.checks()) {
            md.append("| ")
                    .append(c.passed() ? "✅" : "❌")
                    .append(" | ")
                    .append(c.name())
                    .append(" | ")
                    .append(cell(c.measured()))
                    .append(" | ")
                    .append(cell(c.target()))
                    .append(" |\n");
        }
        md.append("\n## Objectives\n\n| | Objective | Source | Target | Measured |\n|---|---|---|---|---|\n");
        for (var row : report.slos()) {
            md.append("| ")
                    .append(row.verdict().mark())
                    .append(" | ")
                    .append(row.name())
                    .append(" | ")
                    .append(row.source())
                    .append(" | ")
                    .append(cell(row.target()))
                    .append(" | ")
                    .append(cell(row.measured()))
                    .append(" |\n");
        }
        md.append("\n✅ met, ❌ missed (the run fails), ⚠️ could not be measured in this run (it does not fail it).\n");
        return md.toString();
    }

    static String json(Report report) {
        var mapper = NaviClient.json();
        ObjectNode root = mapper.createObjectNode();
        root.put("generatedAt", report.finished().toString());
        root.put("passed", report.passed());
        root.put("suite", report.suite());
        root.put("baseUrl", report.baseUrl());
        root.put("llm", report.llm());
        root.put("delivery", report.delivery());
        root.put("started", report.started().toString());
        root.put("finished", report.finished().toString());
        var scenarios = root.putArray("scenarios");
        for (var s : report.scenarios()) {
            ObjectNode node = mapper.valueToTree(s);
            node.put("passed", s.passed());
            scenarios.add(node);
        }
        root.set("checks", mapper.valueToTree(report.checks()));
        var slos = root.putArray("slos");
        for (var row : report.slos()) {
            ObjectNode node = mapper.valueToTree(row);
            node.put("verdict", row.verdict().name().toLowerCase(java.util.Locale.ROOT));
            node.put("mark", row.verdict().mark());
            slos.add(node);
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static String ms(Long ms) {
        return ms == null ? "—" : Format.ms(ms);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
