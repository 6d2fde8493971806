package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.llm.CallContext;
import dev.navi.llm.CallObserver;
import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The retry policy, circuit breaker, fallback and meters of the gateway, against llm-sim. */
class ResilientGatewayTest extends WireClientTestSupport {

    private static final LlmProperties.Retry FAST_RETRY =
            new LlmProperties.Retry(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5), 20);

    private final List<Duration> waits = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final Sleeper recording = wait -> {
        waits.add(wait);
        clock.advance(wait);
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Observed observed = new Observed();

    @Override
    ProviderChoice.Protocol protocol() {
        return ProviderChoice.Protocol.ANTHROPIC;
    }

    @Override
    String baseUrl() {
        return sim.baseUrl();
    }

    @Nested
    class Retries {

        @Test
        void whenUnauthorizedThenOneCallAndNoRetry() {
            String name = script("{\"text\":\"x\",\"faults\":[{\"status\":401,\"times\":-1}]}");

            LlmException failure = failure(() -> gateway(FAST_RETRY).complete(ask(name), context()));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.AUTH);
            assertThat(calls(name)).isEqualTo(1);
            assertThat(waits).isEmpty();
            assertThat(observed.attempts).isEqualTo(1);
        }

        @Test
        void whenRateLimitedWithRetryAfterThenItIsWaitedAndTheRetrySucceeds() throws InterruptedException {
            String name =
                    script("{\"text\":\"done\",\"faults\":[{\"status\":429,\"headers\":{\"retry-after\":\"2\"}}]}");

            LlmResponse response = gateway(FAST_RETRY).complete(ask(name), context());

            assertThat(response.text()).isEqualTo("done");
            assertThat(calls(name)).isEqualTo(2);
            assertThat(waits).containsExactly(Duration.ofSeconds(2));
            assertThat(observed.retries).containsExactly("1 rate_limited 2000");
            assertThat(observed.attempts).isEqualTo(2);
        }

        @Test
        void whenAlwaysFailingThenExactlyMaxAttemptsWithJitteredWaitsUnderTheCaps() {
            String name = script("{\"text\":\"x\",\"faults\":[{\"status\":500,\"times\":-1}]}");

            LlmException failure = failure(() -> gateway(FAST_RETRY).complete(ask(name), context()));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.SERVER_ERROR);
            assertThat(failure.getMessage()).contains("gave up", "4 attempts");
            assertThat(calls(name)).isEqualTo(4);
            assertThat(waits).hasSize(3);
            assertThat(waits.get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
            assertThat(waits.get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
            assertThat(waits.get(2)).isLessThanOrEqualTo(Duration.ofMillis(400));
        }

        @Test
        void whenRetryAfterIsBeyondTheCeilingThenRateLimitedWithoutWaiting() {
            String name =
                    script("{\"text\":\"x\",\"faults\":[{\"status\":429,\"headers\":{\"retry-after\":\"3600\"}}]}");

            LlmException failure = failure(() -> gateway(FAST_RETRY).complete(ask(name), context()));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.RATE_LIMITED);
            assertThat(failure.getMessage()).contains("3600 s", "ceiling");
            assertThat(calls(name)).isEqualTo(1);
            assertThat(waits).isEmpty();
        }

        @Test
        void whenTheTaskRetryBudgetIsSpentThenTheCallGivesUp() {
            var oneRetry =
                    new LlmProperties.Retry(4, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5), 1);
            String name = script("{\"text\":\"x\",\"faults\":[{\"status\":503,\"times\":-1}]}");

            LlmException failure = failure(() -> gateway(oneRetry).complete(ask(name), context()));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.OVERLOADED);
            assertThat(failure.getMessage()).contains("retry budget", "1 retries");
            assertThat(calls(name)).isEqualTo(2);
        }

        @Test
        void whenTheStreamIsCutThenTheRetryGivesTheWholeReplyOnce() throws InterruptedException {
            String name = script("{\"text\":\"one two three four five six\",\"faults\":[{\"cut_after_chunks\":3}]}");

            LlmResponse response = gateway(FAST_RETRY).complete(ask(name), context());

            assertThat(response.text()).isEqualTo("one two three four five six");
            assertThat(observed.retries).singleElement().asString().startsWith("1 stream_interrupted");
        }

        @Test
        void whenCancelledDuringTheBackoffThenNoFurtherCall() {
            String name = script("{\"text\":\"x\",\"faults\":[{\"status\":429,\"headers\":{\"retry-after\":\"4\"}}]}");
            DefaultLlmGateway gateway = gateway(FAST_RETRY, noBreaking(), PropertyDefaults.NO_FALLBACK, Sleeper.REAL);

            Duration reaction = CallInterrupter.interruptWhileBlocked(
                    Duration.ofMillis(300), () -> gateway.complete(ask(name), context()));

            assertThat(reaction).as("the 4 s backoff is cut short").isLessThan(Duration.ofSeconds(2));
            assertThat(calls(name)).isEqualTo(1);
        }
    }

    @Nested
    class CircuitBreaking {

        private final LlmProperties.CircuitBreaker opensAfterTwo =
                new LlmProperties.CircuitBreaker(50, 2, 2, Duration.ofMinutes(1), 1);

        @Test
        void whenTheCircuitOpensWithoutFallbackThenTheCallWaitsForTheProbeAndSucceeds() throws InterruptedException {
            DefaultLlmGateway gateway = gateway(FAST_RETRY, opensAfterTwo, PropertyDefaults.NO_FALLBACK, recording);
            String name = script("{\"text\":\"recovered\",\"faults\":[{\"status\":529,\"times\":2}]}");

            LlmResponse response = gateway.complete(ask(name), context());

            assertThat(response.text()).isEqualTo("recovered");
            assertThat(calls(name)).isEqualTo(3);
            assertThat(observed.circuitOpen).containsExactly("anthropic/" + MODEL);
            assertThat(observed.retries).hasSize(3).last().asString().startsWith("3 circuit_open ");
            assertThat(waits.get(2)).isBetween(Duration.ofSeconds(59), Duration.ofMillis(60_001));
            assertThat(gauge("closed")).isEqualTo(1);
        }

        @Test
        void whenTheProviderStaysDownThenTheCallGivesUpAfterItsAttemptsWithTheCircuitWaitedOut() {
            DefaultLlmGateway gateway = gateway(FAST_RETRY, opensAfterTwo, PropertyDefaults.NO_FALLBACK, recording);
            String name = script("{\"text\":\"x\",\"faults\":[{\"status\":529,\"times\":-1}]}");

            LlmException failure = failure(() -> gateway.complete(ask(name), context()));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.OVERLOADED);
            assertThat(failure.getMessage()).contains("gave up", "4 attempts");
            assertThat(calls(name)).isEqualTo(4);
            assertThat(observed.retries)
                    .filteredOn(retry -> retry.contains("circuit_open"))
                    .hasSize(2);
            assertThat(gauge("open")).isEqualTo(1);
        }

        @Test
        void whenTheCircuitStaysOpenBeyondTheRetryBudgetThenCircuitOpen() {
            var twoRetries =
                    new LlmProperties.Retry(4, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5), 2);
            DefaultLlmGateway gateway = gateway(twoRetries, opensAfterTwo, PropertyDefaults.NO_FALLBACK, recording);
            String name = script("{\"text\":\"x\",\"faults\":[{\"status\":529,\"times\":-1}]}");

            LlmException failure = failure(() -> gateway.complete(ask(name), context()));

            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.CIRCUIT_OPEN);
            assertThat(failure.getMessage()).contains("gave up", "retry budget");
            assertThat(calls(name)).isEqualTo(2);
        }

        @Test
        void whenRateLimitedOverAndOverThenTheCircuitStaysClosed() throws InterruptedException {
            DefaultLlmGateway gateway = gateway(FAST_RETRY, opensAfterTwo, PropertyDefaults.NO_FALLBACK, recording);
            String limited = "{\"status\":429,\"times\":3}";
            String name = script("{\"text\":\"through\",\"faults\":[" + limited + "]}");

            LlmResponse response = gateway.complete(ask(name), context());

            assertThat(response.text()).isEqualTo("through");
            assertThat(calls(name)).isEqualTo(4);
            assertThat(observed.circuitOpen).isEmpty();
            assertThat(gauge("closed")).isEqualTo(1);
        }

        @Test
        void whenTheCircuitIsOpenThenTheFallbackModelTakesTheCall() throws InterruptedException {
            var fallback = new LlmProperties.Fallback("", "backup-model", "");
            DefaultLlmGateway gateway = gateway(FAST_RETRY, opensAfterTwo, fallback, recording);
            String name = script("{\"text\":\"from backup\",\"faults\":[{\"status\":529,\"times\":2}]}");

            LlmResponse response = gateway.complete(ask(name), context());

            assertThat(response.text()).isEqualTo("from backup");
            assertThat(observed.fallbacks).containsExactly("anthropic/" + MODEL + " -> anthropic/backup-model");
            assertThat(requests(name))
                    .extracting(entry -> entry.get("model").asString())
                    .containsExactly(MODEL, MODEL, "backup-model");
        }

        private double gauge(String state) {
            return registry.get("navi.llm.circuit.state")
                    .tags("provider", "anthropic", "model", MODEL, "state", state)
                    .gauge()
                    .value();
        }
    }

    @Nested
    class Meters {

        @Test
        void whenTheGatewayIsMadeThenItsMetersExistBeforeTheFirstCall() {
            gateway(FAST_RETRY);

            assertThat(registry.find("navi.llm.attempts")
                            .tags("outcome", "rate_limited")
                            .counter())
                    .isNotNull();
            assertThat(registry.find("navi.llm.retries").counters()).isNotEmpty();
            assertThat(registry.find("navi.llm.circuit.state").gauges()).hasSize(3);
            assertThat(registry.find("navi.llm.ratelimiter.wait").timer()).isNotNull();
        }

        @Test
        void whenACallIsRetriedThenAttemptsRetriesAndTokensAreCounted() throws InterruptedException {
            String name = script("{\"text\":\"ok\",\"usage\":{\"input_tokens\":100,\"output_tokens\":10},"
                    + "\"faults\":[{\"status\":500}]}");

            gateway(FAST_RETRY).complete(ask(name), context());

            assertThat(count("navi.llm.attempts", "outcome", "server_error")).isEqualTo(1);
            assertThat(count("navi.llm.attempts", "outcome", "ok")).isEqualTo(1);
            assertThat(count("navi.llm.retries", "error_class", "server_error")).isEqualTo(1);
            assertThat(count("navi.llm.tokens", "direction", "input")).isEqualTo(100);
            assertThat(registry.get("navi.llm.cost").counter().count()).isPositive();
        }

        @Test
        void whenModelsOutsideTheConfigurationAreCalledThenTheyShareTheOtherLabel() throws InterruptedException {
            DefaultLlmGateway gateway = gateway(FAST_RETRY);
            String name = script("{\"text\":\"ok\"}");

            for (int i = 0; i < 30; i++) {
                var request = ask(name);
                gateway.complete(
                        new LlmRequest("unlisted-" + i, request.system(), request.messages(), request.tools(), 256),
                        context());
            }

            assertThat(registry.getMeters())
                    .extracting(meter -> meter.getId().getTag("model"))
                    .filteredOn(java.util.Objects::nonNull)
                    .containsOnly(MODEL, ModelLabels.OTHER);
            assertThat(count("navi.llm.attempts", "model", ModelLabels.OTHER)).isEqualTo(30);
            assertThat(registry.find("navi.llm.circuit.state").gauges()).hasSize(3);
        }

        private double count(String meter, String tag, String value) {
            return registry.get(meter).tags(tag, value).counter().count();
        }
    }

    @Nested
    class WorstCaseEstimate {

        @Test
        void whenAskedThenInputIsEstimatedFromTheRequestAndOutputIsItsLimit() {
            var worstCase = gateway(FAST_RETRY).worstCase(ask("any"));

            assertThat(worstCase.outputTokens()).isEqualTo(256);
            assertThat(worstCase.inputTokens())
                    .isGreaterThan(("You are a test." + "[sim:any] please help").length() / 3);
            assertThat(worstCase.costUsd())
                    .isEqualByComparingTo(new BigDecimal("0.000003")
                            .multiply(BigDecimal.valueOf(worstCase.inputTokens()))
                            .add(new BigDecimal("0.000015").multiply(BigDecimal.valueOf(256))));
        }
    }

    private DefaultLlmGateway gateway(LlmProperties.Retry retry) {
        return gateway(retry, noBreaking(), PropertyDefaults.NO_FALLBACK, recording);
    }

    private static LlmProperties.CircuitBreaker noBreaking() {
        return new LlmProperties.CircuitBreaker(100, 1000, 1000, Duration.ofSeconds(1), 1);
    }

    private DefaultLlmGateway gateway(
            LlmProperties.Retry retry,
            LlmProperties.CircuitBreaker breaker,
            LlmProperties.Fallback fallback,
            Sleeper sleeper) {
        var properties = new LlmProperties(
                "anthropic",
                MODEL,
                baseUrl(),
                "test-key",
                "",
                true,
                1024,
                Duration.ofSeconds(2),
                FIRST_BYTE_TIMEOUT,
                IDLE_TIMEOUT,
                Map.of(MODEL, new LlmProperties.Price(new BigDecimal("3"), new BigDecimal("15"))),
                retry,
                breaker,
                fallback,
                PropertyDefaults.NO_RATE_LIMIT);
        var services = new Gateways.Services(
                watchdog,
                clock,
                new LlmMetrics(registry, new ModelLabels(List.of(MODEL))),
                sleeper,
                new SplittableRandom(7));
        return Gateways.create(properties, services);
    }

    private CallContext context() {
        return new CallContext(observed);
    }

    private int calls(String script) {
        return requests(script).size();
    }

    private List<tools.jackson.databind.JsonNode> requests(String script) {
        var get = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/requests"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            var body = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
            var entries = new ArrayList<tools.jackson.databind.JsonNode>();
            JsonMapper.builder().build().readTree(body).forEach(entry -> {
                if (script.equals(entry.path("script").asString())) {
                    entries.add(entry);
                }
            });
            return entries;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot read llm-sim's requests", e);
        }
    }

    /** Records what the gateway reports. */
    private static final class Observed implements CallObserver {
        int attempts;
        final List<String> retries = new ArrayList<>();
        final List<String> circuitOpen = new ArrayList<>();
        final List<String> fallbacks = new ArrayList<>();

        @Override
        public void onAttempt(String provider, String model, int attempt) {
            attempts++;
        }

        @Override
        public void onRetry(int attempt, LlmErrorClass errorClass, String message, Duration wait) {
            retries.add(attempt + " " + errorClass.wireName() + " " + wait.toMillis());
        }

        @Override
        public void onCircuitOpen(String provider, String model) {
            circuitOpen.add(provider + "/" + model);
        }

        @Override
        public void onFallback(String fromProvider, String fromModel, String toProvider, String toModel) {
            fallbacks.add(fromProvider + "/" + fromModel + " -> " + toProvider + "/" + toModel);
        }
    }
}
