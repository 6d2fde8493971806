package dev.navi.cli.internal.validate;

/** One objective of the report: where it comes from, its target, what this run measured, the verdict. */
record SloRow(String name, String source, String target, String measured, Verdict verdict) {

    /** A row that could not be measured is ⚠️ and says why; it is never ✅ and never fails the run. */
    enum Verdict {
        MET("✅"),
        MISSED("❌"),
        NOT_MEASURED("⚠️");

        private final String mark;

        Verdict(String mark) {
            this.mark = mark;
        }

        String mark() {
            return mark;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }
}
