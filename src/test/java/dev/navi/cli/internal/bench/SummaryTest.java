package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Nested
    class Percentiles {

        @Test
        void whenOneToAHundredThenEachPercentileIsItsRank() {
            var summary =
                    Summary.of(IntStream.rangeClosed(1, 100).boxed().toList().reversed());

            assertThat(summary.count()).isEqualTo(100);
            assertThat(summary.p50()).isEqualTo(50);
            assertThat(summary.p95()).isEqualTo(95);
            assertThat(summary.p99()).isEqualTo(99);
            assertThat(summary.min()).isEqualTo(1);
            assertThat(summary.max()).isEqualTo(100);
            assertThat(summary.mean()).isEqualTo(50.5);
        }

        @Test
        void whenFewSamplesThenTheHighPercentilesAreTheLargest() {
            var summary = Summary.of(List.of(3.0, 1.0, 2.0));

            assertThat(summary.p50()).isEqualTo(2);
            assertThat(summary.p95()).isEqualTo(3);
            assertThat(summary.p99()).isEqualTo(3);
        }

        @Test
        void whenOneSampleThenEveryPercentileIsIt() {
            var summary = Summary.of(List.of(7.5));

            assertThat(List.of(summary.p50(), summary.p95(), summary.p99(), summary.min(), summary.max()))
                    .containsOnly(7.5);
        }

        @Test
        void whenNoSamplesThenTheSummaryIsEmpty() {
            assertThat(Summary.of(List.of())).isEqualTo(Summary.EMPTY);
            assertThat(Summary.EMPTY.isEmpty()).isTrue();
        }
    }

    @Nested
    class Spreads {

        @Test
        void whenRoundsDifferThenTheSpreadIsTheirMinAndMax() {
            var rounds = List.of(Summary.of(List.of(1.0, 2.0, 3.0)), Summary.of(List.of(5.0, 6.0, 7.0)), Summary.EMPTY);

            assertThat(Spread.of(4, rounds, Summary::p50)).isEqualTo(new Spread(4, 2, 6));
        }

        @Test
        void whenValuesPerRoundThenTheSpreadIsTheirMeanMinAndMax() {
            assertThat(Spread.ofValues(List.of(10.0, 20.0, 30.0))).isEqualTo(new Spread(20, 10, 30));
            assertThat(Spread.ofValues(List.of())).isEqualTo(new Spread(0, 0, 0));
        }
    }
}
