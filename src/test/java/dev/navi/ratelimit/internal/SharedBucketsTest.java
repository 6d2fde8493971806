package dev.navi.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.security.Caller;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The buckets in PostgreSQL, in the table of the V6 migration: two proxy managers on one database, as two
 * NAVI replicas have, draw from one bucket per caller.
 */
class SharedBucketsTest {

    private static final Caller ALICE = new Caller("alice", "acme", Set.of(Caller.TASKS_WRITE), null);

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final RateLimitProperties settings = Settings.of(Map.of(
            "navi.ratelimit.submit.capacity", "3",
            "navi.ratelimit.submit.refill-period", "1h",
            "navi.ratelimit.read.capacity", "10",
            "navi.ratelimit.read.refill-period", "1h"));

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        jdbc().sql("delete from rate_limit_buckets").update();
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private CallerBuckets replica() {
        return new CallerBuckets(settings, RateLimitConfiguration.proxyManager(dataSource, settings)::getProxy);
    }

    private RateLimitFilter filter(CallerBuckets buckets) {
        return new RateLimitFilter(buckets, JsonMapper.builder().build(), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private static MockHttpServletResponse submit(RateLimitFilter filter) throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/tasks"), response, new MockFilterChain());
        return response;
    }

    @Nested
    class AcrossReplicas {

        @Test
        void whenRequestsAlternateBetweenTwoFiltersThenTheyExhaustOneBucket() throws Exception {
            var first = filter(replica());
            var second = filter(replica());
            SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken(ALICE, null, "ROLE_USER"));

            var remaining = new ArrayList<String>();
            remaining.add(submit(first).getHeader("RateLimit"));
            remaining.add(submit(second).getHeader("RateLimit"));
            remaining.add(submit(first).getHeader("RateLimit"));
            var refusedBySecond = submit(second);
            var refusedByFirst = submit(first);

            assertThat(remaining)
                    .extracting(header -> header.replaceAll(";t=\\d+", ""))
                    .containsExactly("\"submit\";r=2", "\"submit\";r=1", "\"submit\";r=0");
            assertThat(refusedBySecond.getStatus()).isEqualTo(429);
            assertThat(refusedByFirst.getStatus()).isEqualTo(429);
            assertThat(refusedBySecond.getHeader("Retry-After")).isEqualTo("1200");
            assertThat(jdbc().sql("select count(*) from rate_limit_buckets")
                            .query(Long.class)
                            .single())
                    .isOne();
        }

        @Test
        void whenManyRequestsRaceOnTwoReplicasThenExactlyTheCapacityPasses() throws Exception {
            var replicas = List.of(replica(), replica());
            var calls = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 40; i++) {
                var buckets = replicas.get(i % 2);
                calls.add(() -> buckets.tryConsume(EndpointClass.READ, ALICE).allowed());
            }

            long allowed;
            try (var pool = Executors.newFixedThreadPool(8)) {
                var results = pool.invokeAll(calls, 2, TimeUnit.MINUTES);
                allowed = results.stream().filter(result -> resultOf(result)).count();
            }

            assertThat(allowed).isEqualTo(10);
        }

        private static boolean resultOf(java.util.concurrent.Future<Boolean> result) {
            try {
                return result.get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void whenAnotherCallerCallsThenItHasItsOwnRow() {
            var buckets = replica();
            for (int i = 0; i < 3; i++) {
                buckets.tryConsume(EndpointClass.SUBMIT, ALICE);
            }

            var bob = buckets.tryConsume(EndpointClass.SUBMIT, new Caller("bob", "acme", Set.of(), null));

            assertThat(bob.allowed()).isTrue();
            assertThat(bob.remaining()).isEqualTo(2);
            assertThat(jdbc().sql("select id from rate_limit_buckets order by id")
                            .query(String.class)
                            .list())
                    .containsExactly("submit:3/3600000:4:acme:alice", "submit:3/3600000:4:acme:bob");
        }
    }

    @Nested
    class Expiry {

        @Test
        void whenABucketIsWrittenThenItsRowExpiresWhenItWouldBeFullAgain() {
            long before = System.currentTimeMillis();

            replica().tryConsume(EndpointClass.SUBMIT, ALICE);

            long expiresAt = jdbc().sql("select expires_at from rate_limit_buckets")
                    .query(Long.class)
                    .single();
            // one token of three back after 20 minutes, plus the grace period
            long refill = TimeUnit.MINUTES.toMillis(20) + RateLimitConfiguration.KEEP_AFTER_REFILL.toMillis();
            assertThat(expiresAt).isBetween(before + refill - 1_000, System.currentTimeMillis() + refill + 1_000);
        }

        @Test
        void whenTheCleanerRunsThenOnlyExpiredRowsAreDeleted() {
            var buckets = replica();
            buckets.tryConsume(EndpointClass.SUBMIT, ALICE);
            buckets.tryConsume(EndpointClass.READ, ALICE);
            jdbc().sql("update rate_limit_buckets set expires_at = ? where id like 'read:%'")
                    .param(System.currentTimeMillis() - 1)
                    .update();
            var cleaner =
                    new ExpiredBucketCleaner(RateLimitConfiguration.proxyManager(dataSource, settings), null, settings);

            int removed = cleaner.clean();

            assertThat(removed).isOne();
            assertThat(jdbc().sql("select id from rate_limit_buckets")
                            .query(String.class)
                            .list())
                    .singleElement()
                    .asString()
                    .startsWith("submit:");
        }

        @Test
        void whenMoreRowsExpiredThanOneBatchThenOneCleanupDeletesThemAll() {
            var small = Settings.of(Map.of("navi.ratelimit.cleanup-batch-size", "2"));
            var buckets = replica();
            for (int i = 0; i < 5; i++) {
                buckets.tryConsume(EndpointClass.SUBMIT, new Caller("user" + i, "acme", Set.of(), null));
            }
            jdbc().sql("update rate_limit_buckets set expires_at = ?")
                    .param(System.currentTimeMillis() - 1)
                    .update();

            int removed = new ExpiredBucketCleaner(RateLimitConfiguration.proxyManager(dataSource, small), null, small)
                    .clean();

            assertThat(removed).isEqualTo(5);
            assertThat(jdbc().sql("select count(*) from rate_limit_buckets")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }
}
