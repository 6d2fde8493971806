package dev.navi.cli.internal.readiness;

import dev.navi.cli.internal.NaviClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * The reports {@code navi validate} ({@code report.json}) and {@code navi bench} ({@code bench.json})
 * left under {@code --evidence}. Only two top-level fields are read: {@code generatedAt} (an ISO-8601
 * instant) and {@code passed} (a boolean: every SLO met, no regression). The newest file of each name
 * anywhere under the directory is the one judged.
 */
final class EvidenceCheck {

    /** A report file as far as this review reads it. */
    record Report(Path file, Instant generatedAt, boolean passed) {}

    private final Optional<Path> directory;
    private final Duration maxAge;
    private final Clock clock;

    EvidenceCheck(Optional<Path> directory, Duration maxAge, Clock clock) {
        this.directory = directory;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    List<Row> run() {
        return List.of(
                check(
                        Section.E2E_VALIDATION,
                        "the last `navi validate` report is recent and met its SLOs",
                        "report.json"),
                check(Section.TESTING, "the last `navi bench` report is recent and passed", "bench.json"));
    }

    Row check(Section section, String check, String fileName) {
        if (directory.isEmpty()) {
            return Row.warn(section, check, "--evidence", "no --evidence directory given: nothing to look at");
        }
        var evidence = directory.get().resolve("**").resolve(fileName).toString();
        List<Path> files;
        try (var walk = Files.walk(directory.get(), 4)) {
            files = walk.filter(f -> f.getFileName().toString().equals(fileName))
                    .toList();
        } catch (IOException e) {
            return Row.warn(section, check, evidence, "cannot list " + directory.get() + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            return Row.warn(section, check, evidence, "no " + fileName + " under " + directory.get());
        }
        var reports = files.stream().flatMap(f -> read(f).stream()).toList();
        if (reports.isEmpty()) {
            return Row.warn(
                    section,
                    check,
                    evidence,
                    "found " + files.size() + " " + fileName
                            + " but none has a top-level generatedAt (ISO instant) and passed (boolean)");
        }
        var last =
                reports.stream().max(Comparator.comparing(Report::generatedAt)).orElseThrow();
        var age = Duration.between(last.generatedAt(), clock.instant());
        var seen = last.file() + ": generatedAt " + last.generatedAt() + " (" + describe(age) + " ago), passed "
                + last.passed();
        if (age.compareTo(maxAge) > 0) {
            return Row.fail(
                    section,
                    check,
                    last.file().toString(),
                    seen + "; older than " + describe(maxAge) + " (--max-evidence-age)");
        }
        return last.passed()
                ? Row.pass(section, check, last.file().toString(), seen)
                : Row.fail(section, check, last.file().toString(), seen);
    }

    static Optional<Report> read(Path file) {
        try {
            var report = NaviClient.json().readTree(Files.readString(file));
            var generatedAt = report.path("generatedAt");
            var passed = report.path("passed");
            if (!generatedAt.isString() || !passed.isBoolean()) {
                return Optional.empty();
            }
            return Optional.of(new Report(file, Instant.parse(generatedAt.asString()), passed.asBoolean()));
        } catch (IOException | JacksonException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String describe(Duration duration) {
        if (duration.toDays() >= 1) {
            return duration.toDays() + " d";
        }
        return duration.toHours() >= 1 ? duration.toHours() + " h" : Math.max(0, duration.toMinutes()) + " min";
    }
}
