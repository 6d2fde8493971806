package dev.navi.cli.internal.readiness;

import java.time.Instant;
import java.util.List;

/** A finished review: every row that ran, the placeholders found, and the verdict counted from the rows. */
record Readiness(Instant generatedAt, String target, List<Row> rows, List<Customization> customizations) {

    Readiness {
        rows = List.copyOf(rows);
        customizations = List.copyOf(customizations);
    }

    Verdict verdict() {
        return Verdict.of(rows);
    }

    List<Row> rows(Section section) {
        return rows.stream().filter(r -> r.section() == section).toList();
    }
}
