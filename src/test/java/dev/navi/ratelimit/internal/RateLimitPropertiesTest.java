package dev.navi.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.ratelimit.internal.RateLimitProperties.Limit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

class RateLimitPropertiesTest {

    @Nested
    class Defaults {

        @Test
        void whenNothingIsSetThenEachClassHasItsOwnPerMinuteLimit() {
            var settings = Settings.defaults();

            assertThat(settings.enabled()).isTrue();
            assertThat(settings.limit(EndpointClass.SUBMIT, "acme")).isEqualTo(new Limit(30, Duration.ofMinutes(1)));
            assertThat(settings.limit(EndpointClass.READ, "acme")).isEqualTo(new Limit(600, Duration.ofMinutes(1)));
            assertThat(settings.limit(EndpointClass.STREAM, "acme")).isEqualTo(new Limit(60, Duration.ofMinutes(1)));
        }

        @Test
        void whenAClassIsSetThenEveryTenantGetsIt() {
            var settings = Settings.of(
                    Map.of("navi.ratelimit.submit.capacity", "5", "navi.ratelimit.submit.refill-period", "10s"));

            assertThat(settings.limit(EndpointClass.SUBMIT, "acme")).isEqualTo(new Limit(5, Duration.ofSeconds(10)));
            assertThat(settings.limit(EndpointClass.READ, "acme")).isEqualTo(new Limit(600, Duration.ofMinutes(1)));
        }
    }

    @Nested
    class TenantOverrides {

        private final RateLimitProperties settings = Settings.of(Map.of(
                "navi.ratelimit.submit.capacity", "30",
                "navi.ratelimit.tenants.big.submit.capacity", "300",
                "navi.ratelimit.tenants.big.stream.refill-period", "10s",
                "navi.ratelimit.tenants.slow.read.capacity", "10",
                "navi.ratelimit.tenants.slow.read.refill-period", "1h"));

        @Test
        void whenATenantSetsACapacityThenItKeepsTheClassRefillPeriod() {
            assertThat(settings.limit(EndpointClass.SUBMIT, "big")).isEqualTo(new Limit(300, Duration.ofMinutes(1)));
        }

        @Test
        void whenATenantSetsARefillPeriodThenItKeepsTheClassCapacity() {
            assertThat(settings.limit(EndpointClass.STREAM, "big")).isEqualTo(new Limit(60, Duration.ofSeconds(10)));
        }

        @Test
        void whenATenantSetsBothThenBothApply() {
            assertThat(settings.limit(EndpointClass.READ, "slow")).isEqualTo(new Limit(10, Duration.ofHours(1)));
        }

        @Test
        void whenATenantDoesNotSetAClassThenTheClassLimitApplies() {
            assertThat(settings.limit(EndpointClass.READ, "big")).isEqualTo(new Limit(600, Duration.ofMinutes(1)));
            assertThat(settings.limit(EndpointClass.SUBMIT, "slow")).isEqualTo(new Limit(30, Duration.ofMinutes(1)));
        }

        @Test
        void whenATenantIsNotListedThenTheClassLimitsApply() {
            assertThat(settings.limit(EndpointClass.SUBMIT, "other")).isEqualTo(new Limit(30, Duration.ofMinutes(1)));
        }
    }

    @Nested
    class Refusals {

        @Test
        void whenACapacityIsBelowOneThenBindingFails() {
            assertThatThrownBy(() -> Settings.of(Map.of("navi.ratelimit.read.capacity", "0")))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("navi.ratelimit.read")
                    .hasMessageContaining("capacity");
        }

        @Test
        void whenARefillPeriodIsShorterThanASecondThenBindingFails() {
            assertThatThrownBy(() -> Settings.of(Map.of("navi.ratelimit.submit.refill-period", "500ms")))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("refill-period");
        }

        @Test
        void whenATenantCapacityIsBelowOneThenBindingFails() {
            assertThatThrownBy(() -> Settings.of(Map.of("navi.ratelimit.tenants.acme.submit.capacity", "0")))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("capacity");
        }
    }
}
