package dev.navi;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The kills of {@link ChaosIT}, drawn from its seed before anything runs: each at a number of stored events
 * (between 5 % and 70 % of those the tasks will store), of a replica other than the one before, by {@code SIGKILL} or {@code SIGTERM}.
 * The same seed gives the same schedule; moments are counted in progress (events stored since the schedule
 * began), not in time.
 */
final class ChaosSchedule {

    private static final Duration CEILING = Duration.ofMinutes(4);

    record Kill(long atEvents, int replica, boolean graceful) {

        @Override
        public String toString() {
            return (graceful ? "SIGTERM" : "SIGKILL") + " replica-" + replica + " at " + atEvents + " events";
        }
    }

    private final List<Kill> kills = new ArrayList<>();

    ChaosSchedule(Random random, int count, int expectedEvents, int replicas) {
        var moments = random.longs(count, 0, 1000)
                .map(permille -> Math.round(expectedEvents * (0.05 + 0.65 * permille / 1000.0)))
                .sorted()
                .toArray();
        int previous = -1;
        for (long at : moments) {
            // never the replica killed just before, which is likely still starting
            int replica =
                    previous < 0 ? random.nextInt(replicas) : (previous + 1 + random.nextInt(replicas - 1)) % replicas;
            kills.add(new Kill(at, replica, random.nextBoolean()));
            previous = replica;
        }
        System.out.println("ChaosIT schedule: " + kills);
    }

    /**
     * Carries the kills out, each once its moment has come and its replica and at least one other are up (one
     * replica always serves); stops early once no task is left running. Answers the kills made.
     */
    List<String> run(LongSupplier storedEvents, BooleanSupplier finished, List<ChaosReplica> replicas)
            throws InterruptedException {
        var made = new ArrayList<String>();
        long before = storedEvents.getAsLong();
        for (var kill : kills) {
            await().atMost(CEILING)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> storedEvents.getAsLong() - before >= kill.atEvents() || finished.getAsBoolean());
            if (finished.getAsBoolean()) {
                break;
            }
            var victim = replicas.get(kill.replica());
            await().atMost(CEILING)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> victim.up()
                            && replicas.stream().filter(r -> r != victim).anyMatch(ChaosReplica::up));
            long at = storedEvents.getAsLong() - before;
            victim.killAndRestart(kill.graceful());
            made.add(new Kill(at, kill.replica(), kill.graceful()).toString());
            System.out.println("ChaosIT: " + made.getLast());
        }
        return made;
    }
}
