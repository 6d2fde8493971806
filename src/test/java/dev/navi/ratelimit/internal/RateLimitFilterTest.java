package dev.navi.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.security.Caller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private static final Caller ALICE = new Caller("alice", "acme", Set.of(Caller.TASKS_WRITE), null);

    private final JsonMapper json = JsonMapper.builder().build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MemoryBuckets store = new MemoryBuckets();
    private RateLimitFilter filter = filter(Map.of(
            "navi.ratelimit.submit.capacity", "2",
            "navi.ratelimit.submit.refill-period", "60s",
            "navi.ratelimit.read.capacity", "3",
            "navi.ratelimit.tenants.big.submit.capacity", "4"));

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    private RateLimitFilter filter(Map<String, String> settings) {
        return new RateLimitFilter(new CallerBuckets(Settings.of(settings), store), json, registry, Clock.systemUTC());
    }

    private static void authenticate(Object principal) {
        var authentication = new TestingAuthenticationToken(principal, null, "ROLE_USER");
        authentication.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    private Exchange send(String method, String path) throws Exception {
        var request = new MockHttpServletRequest(method, path);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Exchange(response, chain.getRequest() != null);
    }

    private Exchange submit() throws Exception {
        return send("POST", "/api/v1/tasks");
    }

    private double rejections(String endpointClass) {
        return registry.get("navi.ratelimit.rejections")
                .tag("class", endpointClass)
                .counter()
                .count();
    }

    private record Exchange(MockHttpServletResponse response, boolean passed) {
        String header(String name) {
            return response.getHeader(name);
        }
    }

    @Nested
    class WithoutACaller {

        @Test
        void whenNobodyIsAuthenticatedThenTheRequestPassesUntouched() throws Exception {
            var exchange = submit();

            assertThat(exchange.passed()).isTrue();
            assertThat(exchange.response().getHeaderNames()).isEmpty();
            assertThat(store.buckets()).isEmpty();
        }

        @Test
        void whenThePrincipalIsNotACallerThenTheRequestPassesUntouched() throws Exception {
            authenticate("anonymousUser");

            for (int i = 0; i < 5; i++) {
                assertThat(submit().passed()).isTrue();
            }
            assertThat(store.buckets()).isEmpty();
        }

        @Test
        void whenTheRequestIsOutsideEveryClassThenItPassesWithoutATokenTaken() throws Exception {
            authenticate(ALICE);

            var exchange = send("GET", "/health/ready");

            assertThat(exchange.passed()).isTrue();
            assertThat(exchange.header(RateLimitHeaders.STATE)).isNull();
            assertThat(store.buckets()).isEmpty();
        }
    }

    @Nested
    class WithinTheLimit {

        @Test
        void whenATokenIsTakenThenTheRequestPassesWithPolicyAndRemaining() throws Exception {
            authenticate(ALICE);

            var exchange = submit();

            assertThat(exchange.passed()).isTrue();
            assertThat(exchange.response().getStatus()).isEqualTo(200);
            assertThat(exchange.header("RateLimit-Policy")).isEqualTo("\"submit\";q=2;w=60");
            assertThat(exchange.header("RateLimit")).isEqualTo("\"submit\";r=1;t=30");
            assertThat(exchange.header("Retry-After")).isNull();
        }

        @Test
        void whenTheLastTokenIsTakenThenNoneRemainAndTheBucketIsFullAgainAfterTheWholeWindow() throws Exception {
            authenticate(ALICE);
            submit();

            var exchange = submit();

            assertThat(exchange.passed()).isTrue();
            assertThat(exchange.header("RateLimit")).isEqualTo("\"submit\";r=0;t=60");
        }

        @Test
        void whenTheClassIsReadThenItsOwnPolicyIsNamed() throws Exception {
            authenticate(ALICE);

            var exchange = send("GET", "/api/v1/tasks/abc");

            assertThat(exchange.header("RateLimit-Policy")).isEqualTo("\"read\";q=3;w=60");
            assertThat(exchange.header("RateLimit")).isEqualTo("\"read\";r=2;t=20");
        }
    }

    @Nested
    class Exhausted {

        @Test
        void whenTheBucketIsEmptyThenTheAnswerIsA429ProblemWithRetryAfter() throws Exception {
            authenticate(ALICE);
            submit();
            submit();

            var exchange = submit();

            assertThat(exchange.passed()).isFalse();
            var response = exchange.response();
            assertThat(response.getStatus()).isEqualTo(429);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            var problem = json.readTree(response.getContentAsString());
            assertThat(problem.get("type").asString()).isEqualTo("urn:navi:problem:rate-limited");
            assertThat(problem.get("status").asInt()).isEqualTo(429);
            assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
            assertThat(problem.get("detail").asString()).contains("submit").contains("2 requests per 60 s");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/tasks");
            assertThat(response.getHeader("Retry-After")).isEqualTo("30");
            assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"submit\";q=2;w=60");
            assertThat(response.getHeader("RateLimit")).isEqualTo("\"submit\";r=0;t=60");
        }

        @Test
        void whenRefusedThenTheRejectionIsCountedForTheClass() throws Exception {
            authenticate(ALICE);
            submit();
            submit();

            submit();
            submit();

            assertThat(rejections("submit")).isEqualTo(2);
            assertThat(rejections("read")).isZero();
            assertThat(rejections("stream")).isZero();
        }

        @Test
        void whenPartOfTheRefillPeriodHasPassedThenRetryAfterIsTheRestRoundedUpToAWholeSecond() throws Exception {
            authenticate(ALICE);
            submit();
            submit();
            store.advance(Duration.ofMillis(29_500));

            var exchange = submit();

            assertThat(exchange.response().getStatus()).isEqualTo(429);
            assertThat(exchange.header("Retry-After")).isEqualTo("1");
        }

        @Test
        void whenTheRefillHasComeThenTheNextRequestPasses() throws Exception {
            authenticate(ALICE);
            submit();
            submit();
            assertThat(submit().passed()).isFalse();
            store.advance(Duration.ofSeconds(30));

            var exchange = submit();

            assertThat(exchange.passed()).isTrue();
            assertThat(exchange.header("RateLimit")).isEqualTo("\"submit\";r=0;t=60");
        }
    }

    @Nested
    class SeparateBuckets {

        @Test
        void whenOneClassIsExhaustedThenTheOthersStillPass() throws Exception {
            authenticate(ALICE);
            submit();
            submit();

            assertThat(submit().passed()).isFalse();
            assertThat(send("GET", "/api/v1/tasks").passed()).isTrue();
        }

        @Test
        void whenOneSubjectIsExhaustedThenAnotherOfTheSameTenantStillPasses() throws Exception {
            authenticate(ALICE);
            submit();
            submit();
            assertThat(submit().passed()).isFalse();

            authenticate(new Caller("bob", "acme", Set.of(), null));

            assertThat(submit().passed()).isTrue();
        }

        @Test
        void whenTheSameSubjectCallsForAnotherTenantThenThatTenantHasItsOwnBucketAndLimit() throws Exception {
            authenticate(ALICE);
            submit();
            submit();
            assertThat(submit().passed()).isFalse();

            authenticate(new Caller("alice", "big", Set.of(), null));
            var exchange = submit();

            assertThat(exchange.passed()).isTrue();
            assertThat(exchange.header("RateLimit-Policy")).isEqualTo("\"submit\";q=4;w=60");
            assertThat(exchange.header("RateLimit")).isEqualTo("\"submit\";r=3;t=15");
        }
    }

    @Nested
    class WhenTheBucketsCannotBeReached {

        @Test
        void whenTheStoreFailsThenTheRequestPassesWithoutRateLimitHeaders() throws Exception {
            filter = new RateLimitFilter(
                    new CallerBuckets(Settings.defaults(), (key, configuration) -> {
                        throw new IllegalStateException("database down");
                    }),
                    json,
                    registry,
                    Clock.systemUTC());
            authenticate(ALICE);

            var first = submit();
            var second = submit();

            assertThat(first.passed()).isTrue();
            assertThat(second.passed()).isTrue();
            assertThat(first.header("RateLimit")).isNull();
            assertThat(rejections("submit")).isZero();
        }
    }
}
