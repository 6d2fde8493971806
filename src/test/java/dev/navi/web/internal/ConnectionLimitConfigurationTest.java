package dev.navi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ConnectionLimitConfigurationTest {

    @Nested
    class Derived {

        @Test
        void whenTheDescriptorLimitIsHighThenTheConnectionsTakeAllButTheReserve() {
            assertThat(ConnectionLimitConfiguration.maxConnections(properties(0, 2048), OptionalLong.of(65_536)))
                    .isEqualTo(63_488);
        }

        @Test
        void whenTheDescriptorLimitIsLowThenTomcatsDefaultStays() {
            assertThat(ConnectionLimitConfiguration.maxConnections(properties(0, 2048), OptionalLong.of(1024)))
                    .isEqualTo(8192);
        }

        @Test
        void whenTheDescriptorLimitCannotBeReadThenTomcatsDefaultStays() {
            assertThat(ConnectionLimitConfiguration.maxConnections(properties(0, 2048), OptionalLong.empty()))
                    .isEqualTo(8192);
        }

        @Test
        void whenTheLimitIsHugeThenItStillFitsAnInt() {
            assertThat(ConnectionLimitConfiguration.maxConnections(
                            properties(0, 2048), OptionalLong.of(Long.MAX_VALUE)))
                    .isEqualTo(Integer.MAX_VALUE);
        }
    }

    @Test
    void whenASettingIsGivenThenItWins() {
        assertThat(ConnectionLimitConfiguration.maxConnections(properties(500, 2048), OptionalLong.of(65_536)))
                .isEqualTo(500);
    }

    @Test
    void whenThisProcessRunsOnUnixThenItsDescriptorLimitIsKnown() {
        assertThat(ConnectionLimitConfiguration.fileDescriptorLimit()).isPresent();
    }

    private static WebProperties properties(int maxConnections, int reserved) {
        return new WebProperties(
                DataSize.ofMegabytes(2),
                null,
                new WebProperties.Cors(List.of()),
                maxConnections,
                reserved,
                DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(8),
                DataSize.ofKilobytes(1),
                DataSize.ofKilobytes(1));
    }
}
