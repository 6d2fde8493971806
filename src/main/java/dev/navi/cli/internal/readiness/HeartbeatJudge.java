package dev.navi.cli.internal.readiness;

import java.time.Duration;
import java.util.List;

/**
 * Whether what a probe stream delivered while its task sat idle shows heartbeats within the interval:
 * at least one heartbeat, and no silence between two frames longer than interval + slack.
 */
record HeartbeatJudge(Duration interval, Duration slack) {

    static final String CHECK = "heartbeats arrive within the interval on an idle probe stream";

    /** What the probe saw: frames while idle, the silences between them, and whether it got idle at all. */
    record Observation(boolean becameIdle, String taskEnd, int heartbeats, List<Duration> silences, Duration watched) {}

    Row judge(String evidence, Observation seen) {
        var limit = interval.plus(slack);
        var longest = seen.silences().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        var summary = seen.heartbeats() + " heartbeats in " + millis(seen.watched()) + ", longest silence "
                + millis(longest) + " (interval " + millis(interval) + " + slack " + millis(slack) + ")";
        if (!seen.becameIdle() && seen.heartbeats() == 0) {
            return Row.warn(
                    Section.CONNECTIONS,
                    CHECK,
                    evidence,
                    "the probe task never waited for an approval (" + seen.taskEnd() + "), so no heartbeat was due: "
                            + summary);
        }
        if (seen.heartbeats() == 0) {
            return Row.fail(Section.CONNECTIONS, CHECK, evidence, "no heartbeat on an idle stream: " + summary);
        }
        return longest.compareTo(limit) <= 0
                ? Row.pass(Section.CONNECTIONS, CHECK, evidence, summary)
                : Row.fail(Section.CONNECTIONS, CHECK, evidence, "a silence longer than allowed: " + summary);
    }

    static String millis(Duration duration) {
        return duration.toMillis() >= 10_000 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
