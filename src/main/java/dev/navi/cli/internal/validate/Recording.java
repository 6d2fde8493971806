package dev.navi.cli.internal.validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What one task's stream delivered, on every connection the validator opened: each event and
 * heartbeat as it arrived (monotonic nanos, connection number), and why following stopped early.
 */
record Recording(List<Arrival> arrivals, int connections, boolean cut, Optional<String> abandoned) {

    record Arrival(int connection, Long seq, String type, JsonNode data, long nanos) {
        boolean isHeartbeat() {
            return "heartbeat".equals(type);
        }

        boolean isTerminal() {
            return switch (type) {
                case "task.succeeded", "task.failed", "task.cancelled" -> true;
                default -> false;
            };
        }
    }

    List<Arrival> events() {
        return arrivals.stream().filter(a -> !a.isHeartbeat()).toList();
    }

    Optional<Arrival> first(String type) {
        return events().stream().filter(a -> a.type().equals(type)).findFirst();
    }

    Optional<Arrival> terminal() {
        return events().stream().filter(Arrival::isTerminal).findFirst();
    }

    long heartbeats() {
        return arrivals.stream().filter(Arrival::isHeartbeat).count();
    }

    /** Continuity problems: each seq must arrive exactly once, 1, 2, 3 … without gaps, ending terminal. */
    List<String> continuityProblems() {
        var problems = new ArrayList<String>();
        abandoned.ifPresent(problems::add);
        long expected = 1;
        for (var event : events()) {
            if (event.seq() == null) {
                problems.add("an event of type " + event.type() + " without id");
            } else if (event.seq() < expected) {
                problems.add("seq " + event.seq() + " delivered again (" + event.type() + ")");
            } else if (event.seq() > expected) {
                problems.add("seq " + expected + (event.seq() - 1 > expected ? "–" + (event.seq() - 1) : "")
                        + " missing before " + event.seq());
                expected = event.seq() + 1;
            } else {
                expected++;
            }
        }
        var events = events();
        if (events.isEmpty() || !events.getLast().isTerminal()) {
            problems.add("the stream did not end with the terminal event");
        }
        return problems;
    }

    /** The longest silence between two arrivals on the same connection, between two events' arrivals. */
    Duration longestSilence(Arrival from, Arrival to) {
        long longest = 0;
        Arrival previous = null;
        for (var arrival : arrivals) {
            if (arrival.nanos() < from.nanos() || arrival.nanos() > to.nanos()) {
                continue;
            }
            if (previous != null && previous.connection() == arrival.connection()) {
                longest = Math.max(longest, arrival.nanos() - previous.nanos());
            }
            previous = arrival;
        }
        return Duration.ofNanos(longest);
    }

    long heartbeatsBetween(Arrival from, Arrival to) {
        return arrivals.stream()
                .filter(Arrival::isHeartbeat)
                .filter(a -> a.nanos() > from.nanos() && a.nanos() < to.nanos())
                .count();
    }
}
