package dev.navi.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.ratelimit.internal.RateLimitProperties.Limit;
import dev.navi.security.Caller;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerBucketsTest {

    private static final Limit LIMIT = new Limit(30, Duration.ofMinutes(1));

    private static Caller caller(String subject, String tenant) {
        return new Caller(subject, tenant, Set.of(), null);
    }

    @Test
    void whenKeyedThenTheKeyNamesClassLimitTenantAndSubject() {
        assertThat(CallerBuckets.key(EndpointClass.SUBMIT, LIMIT, caller("alice", "acme")))
                .isEqualTo("submit:30/60000:4:acme:alice");
    }

    @Test
    void whenTenantAndSubjectWouldJoinToTheSameTextThenTheKeysStillDiffer() {
        var one = CallerBuckets.key(EndpointClass.READ, LIMIT, caller("b:c", "a"));
        var other = CallerBuckets.key(EndpointClass.READ, LIMIT, caller("c", "a:b"));

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void whenTheLimitChangesThenTheKeyChangesSoTheNewLimitStartsAFreshBucket() {
        var before = CallerBuckets.key(EndpointClass.SUBMIT, LIMIT, caller("alice", "acme"));
        var after =
                CallerBuckets.key(EndpointClass.SUBMIT, new Limit(60, Duration.ofMinutes(1)), caller("alice", "acme"));

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void whenTheSubjectIsLongThenTheKeyIsHashedToABoundedLength() {
        var subject = "s".repeat(5_000);

        var key = CallerBuckets.key(EndpointClass.STREAM, LIMIT, caller(subject, "acme"));
        var otherKey = CallerBuckets.key(EndpointClass.STREAM, LIMIT, caller(subject + "t", "acme"));

        assertThat(key).startsWith("stream:30/60000:sha256:").hasSizeLessThanOrEqualTo(CallerBuckets.LONGEST_PLAIN_KEY);
        assertThat(otherKey).isNotEqualTo(key);
    }
}
