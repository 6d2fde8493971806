package dev.navi.cli.internal.readiness;

/**
 * One check that ran: what it checks, its evidence (the URL, file or command it looked at) and its
 * outcome (what was seen there).
 */
record Row(Section section, String check, String evidence, Outcome outcome) {

    static Row pass(Section section, String check, String evidence, String seen) {
        return new Row(section, check, evidence, Outcome.pass(seen));
    }

    static Row warn(Section section, String check, String evidence, String why) {
        return new Row(section, check, evidence, Outcome.warn(why));
    }

    static Row fail(Section section, String check, String evidence, String seen) {
        return new Row(section, check, evidence, Outcome.fail(seen));
    }
}
