package dev.navi.llmsim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TurnTest {

    private static final Fault CUT_TWICE = new Fault.Cut(1, 2);
    private static final Fault HANG_ONCE = new Fault.Hang(10, 1);

    private static Turn turnWith(List<Fault> faults) {
        return new Turn("t", List.of(), Optional.empty(), 0, 0, 8, faults);
    }

    private static List<Optional<Fault>> firstAttempts(Turn turn, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(turn::faultForAttempt).toList();
    }

    @Test
    void whenFaultsHaveTimesThenAttemptsWalkThroughThemThenSucceed() {
        assertThat(firstAttempts(turnWith(List.of(CUT_TWICE, HANG_ONCE)), 5))
                .containsExactly(
                        Optional.of(CUT_TWICE),
                        Optional.of(CUT_TWICE),
                        Optional.of(HANG_ONCE),
                        Optional.empty(),
                        Optional.empty());
    }

    @Test
    void whenFaultIsForeverThenLaterFaultsAreNeverReached() {
        Fault forever = new Fault.Cut(1, Fault.FOREVER);

        assertThat(firstAttempts(turnWith(List.of(HANG_ONCE, forever, CUT_TWICE)), 4))
                .containsExactly(
                        Optional.of(HANG_ONCE), Optional.of(forever), Optional.of(forever), Optional.of(forever));
    }

    @Test
    void whenNoFaultsThenEveryAttemptSucceeds() {
        assertThat(firstAttempts(turnWith(List.of()), 2)).containsOnly(Optional.empty());
    }
}
