package dev.navi.cli.internal.readiness;

import java.util.List;

/** The overall verdict, counted from the rows: ready only when no check failed. */
record Verdict(int passed, int warned, int failed) {

    static Verdict of(List<Row> rows) {
        int passed = 0;
        int warned = 0;
        int failed = 0;
        for (var row : rows) {
            switch (row.outcome()) {
                case Outcome.Pass p -> passed++;
                case Outcome.Warn w -> warned++;
                case Outcome.Fail f -> failed++;
            }
        }
        return new Verdict(passed, warned, failed);
    }

    boolean ready() {
        return failed == 0;
    }

    int total() {
        return passed + warned + failed;
    }

    String sentence() {
        var counts = "%d ✅, %d ⚠️, %d ❌ of %d checks".formatted(passed, warned, failed, total());
        if (!ready()) {
            return "NOT READY: " + counts + ". Fix every ❌ row.";
        }
        return warned == 0
                ? "READY: " + counts + "."
                : "READY WITH WARNINGS: " + counts + ". Every ⚠️ row is something this run could not verify.";
    }
}
