package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path evidence;

    private Row validateRow() {
        return new EvidenceCheck(Optional.of(evidence), Duration.ofDays(7), CLOCK)
                .run()
                .getFirst();
    }

    private void report(String path, String json) throws IOException {
        var file = evidence.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    @Test
    void whenTheReportIsRecentAndPassedThenItPasses() throws IOException {
        report("run-1/report.json", "{\"generatedAt\": \"2026-12-01T12:00:00Z\", \"passed\": true, \"other\": [1]}");

        var row = validateRow();

        assertThat(row.section()).isEqualTo(Section.E2E_VALIDATION);
        assertThat(row.outcome()).isInstanceOf(Outcome.Pass.class);
        assertThat(row.outcome().text()).contains("(1 d ago)", "passed true");
    }

    @Test
    void whenTheNewestReportFailedThenItFailsEvenIfAnOlderOnePassed() throws IOException {
        report("old/report.json", "{\"generatedAt\": \"2026-11-30T12:00:00Z\", \"passed\": true}");
        report("new/report.json", "{\"generatedAt\": \"2026-12-02T11:00:00Z\", \"passed\": false}");

        var row = validateRow();

        assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
        assertThat(row.evidence()).endsWith(Path.of("new", "report.json").toString());
    }

    @Test
    void whenTheReportIsOlderThanTheMaximumAgeThenItFails() throws IOException {
        report("report.json", "{\"generatedAt\": \"2026-11-20T12:00:00Z\", \"passed\": true}");

        var row = validateRow();

        assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
        assertThat(row.outcome().text()).contains("12 d ago", "older than 7 d");
    }

    @Test
    void whenTheReportLacksTheExpectedFieldsThenItCannotBeJudged() throws IOException {
        report("report.json", "{\"when\": \"yesterday\", \"ok\": \"yes\"}");

        assertThat(validateRow().outcome()).isInstanceOf(Outcome.Warn.class);
    }

    @Test
    void whenThereIsNoReportOrNoDirectoryThenItCannotBeChecked() {
        assertThat(validateRow().outcome().text()).startsWith("no report.json under");
        assertThat(new EvidenceCheck(Optional.empty(), Duration.ofDays(7), CLOCK).run())
                .allSatisfy(row -> assertThat(row.outcome()).isInstanceOf(Outcome.Warn.class));
    }

    @Test
    void whenABenchReportIsThereThenTheTestingRowJudgesIt() throws IOException {
        report("bench.json", "{\"generatedAt\": \"2026-12-02T10:00:00Z\", \"passed\": true}");

        var bench = new EvidenceCheck(Optional.of(evidence), Duration.ofDays(7), CLOCK)
                .run()
                .get(1);

        assertThat(bench.section()).isEqualTo(Section.TESTING);
        assertThat(bench.outcome()).isInstanceOf(Outcome.Pass.class);
    }
}
